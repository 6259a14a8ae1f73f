import type { Staff } from '../db/entities';
import { newId } from '../db/ids';
import { REGIONS, bearer, buildCitizen, buildStaff, buildWorld, citizenToken, staffToken } from '../test/factories';
import { type TestApp, createTestApp } from '../test/testApp';

/** One rule for an id in a path: a malformed one names no object, so it is answered like an unknown one. */
describe('an id in a path', () => {
  let app: TestApp;
  let county: Staff;
  let citizen: string;

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
    county = await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county });
    citizen = citizenToken(app.deps, await buildCitizen(app.dataSource));
  });
  afterAll(() => app.close());

  const cases: [string, 'post' | 'patch' | 'get', (id: string) => string, 'staff' | 'citizen'][] = [
    ['a shop item', 'patch', (id) => `/api/v1/staff/points/items/${id}`, 'staff'],
    ['a redemption (staff)', 'post', (id) => `/api/v1/staff/points/redemptions/${id}/cancel`, 'staff'],
    ['a redemption (citizen)', 'post', (id) => `/api/v1/points/redemptions/${id}/cancel`, 'citizen'],
    ['a reward', 'post', (id) => `/api/v1/me/rewards/${id}/refresh`, 'citizen'],
    ['a message', 'post', (id) => `/api/v1/messages/${id}/read`, 'citizen'],
    ['a report', 'get', (id) => `/api/v1/reports/${id}`, 'citizen'],
    ['a staff report', 'get', (id) => `/api/v1/staff/reports/${id}`, 'staff'],
    ['an article', 'get', (id) => `/api/v1/articles/${id}`, 'citizen'],
  ];

  it.each(cases)('of %s answers 404 when malformed, as when unknown', async (_what, method, path, who) => {
    const auth = bearer(who === 'staff' ? staffToken(app.deps, county) : citizen);
    const malformed = await app.http[method](path('not-an-id')).set(auth).send({ name: 'x' });
    expect(malformed.status).toBe(404);
    expect(malformed.body.error.code).toBe('not_found');
    const unknown = await app.http[method](path(newId())).set(auth).send({ name: 'x' });
    expect(unknown.status).toBe(404);
    expect(malformed.body.error.message).toBe(unknown.body.error.message);
  });

  it('of a payout answers 404 when malformed, before asking whether cash payouts are set up', async () => {
    const malformed = await app.http
      .post('/api/v1/staff/payouts/not-an-id/approve')
      .set(bearer(staffToken(app.deps, county)));
    expect(malformed.status).toBe(404);
    expect(malformed.body.error.code).toBe('not_found');
  });
});
