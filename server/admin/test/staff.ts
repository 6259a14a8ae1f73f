import type { StaffMe } from '@minqing/shared';

/** The signed-in staff member of a screen's test: the county's 陈静 unless `overrides` say otherwise. */
export const staffMe = (overrides: Partial<StaffMe> = {}): StaffMe => ({
  id: '01J000000000000000000000M1',
  username: 'county',
  name: '陈静',
  role: 'county',
  regionCode: '610921',
  abilities: [],
  ...overrides,
});
