import type { StaffMe } from '@minqing/shared';
import { clearPrefetched } from './api';
import { prefetchLanding } from './landing';
import { parseHash } from './nav';

const clerk: StaffMe = {
  id: '01J0000000000000000000000A',
  username: 'chengguan',
  name: '城关调度',
  role: 'dispatcher',
  regionCode: '610921100',
  abilities: ['queue', 'triage'],
};

describe('what is asked for the moment a staff member is signed in', () => {
  let fetchMock: jest.Mock;
  const asked = () => fetchMock.mock.calls.map(([url]) => String(url));
  beforeEach(() => {
    fetchMock = jest.fn(async () => ({ ok: true, status: 200, text: async () => '[]' }));
    global.fetch = fetchMock as never;
    clearPrefetched();
  });

  it("asks for the work queue's first page, its tab counts and its filters' lists all at once", () => {
    prefetchLanding(clerk, parseHash(''));
    expect(asked()).toEqual([
      '/api/v1/staff/reports?tab=submitted&sort=-submittedAt&page=1&pageSize=20',
      '/api/v1/staff/reports/counts',
      '/api/v1/staff/departments',
      '/api/v1/categories',
      '/api/v1/regions?depth=village',
    ]);
  });

  it('asks for nothing ahead when the password must be changed first or another screen opens', () => {
    prefetchLanding({ ...clerk, mustChangePassword: true }, parseHash(''));
    prefetchLanding({ ...clerk, abilities: ['queue', 'stats'] }, parseHash('#/stats'));
    expect(asked()).toEqual([]);
  });
});
