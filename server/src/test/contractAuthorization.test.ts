import {
  API_CONTRACTS,
  type RouteContract,
  STAFF_POLICIES,
  STAFF_ROLES,
  type StaffRole,
  pathWith,
} from '@minqing/shared';
import { Staff } from '../db/entities';
import { newId } from '../db/ids';
import { rolesAdmittedBy } from '../policies/abilities';
import { REGIONS, bearer, buildCitizen, buildStaff, buildWorld, citizenToken, staffToken } from './factories';
import { type TestApp, createTestApp } from './testApp';

/**
 * Generated from the contracts: every declared route, called as every staff role, answers 403
 * exactly when its contract's policy does not admit the role, and never 401 or 403 when it does
 * (a 400 for the empty body or a 404 for the made-up id means the request got past authorization).
 * Citizen routes refuse staff tokens, staff routes refuse citizen tokens, and public routes answer
 * every caller as they answer one without a token (Open311 asks for a partner's key instead). A
 * route without a policy, or with a guard of its own that disagrees with its policy, fails here.
 */
const REFUSED = [401, 403];
const ROLE_HOMES: Record<StaffRole, string> = {
  sysadmin: REGIONS.county,
  county: REGIONS.county,
  dispatcher: REGIONS.chengguan,
  handler: REGIONS.chengguan,
  cadre: REGIONS.chengguanVillage,
  grid_worker: REGIONS.chengguanGrid,
  liaison: REGIONS.chengguanGrid,
};

const routeName = (contract: RouteContract) => `${contract.method.toUpperCase()} ${contract.path}`;
/** Made-up values for every path parameter: well formed, naming nothing that exists. */
const pathOf = (contract: RouteContract) =>
  `${contract.root ? '' : '/api/v1'}${pathWith(contract.path, Object.fromEntries([...contract.path.matchAll(/:(\w+)/g)].map(([, name]) => [name, newId()])))}`;
/** Ending one's own session comes last, after every other route has been called with the token. */
const CONTRACTS = [...API_CONTRACTS].sort(
  (a, b) => Number(a.policy === 'ownAccount') - Number(b.policy === 'ownAccount'),
);

describe('authorization generated from the contracts: every route × every staff role', () => {
  let app: TestApp;
  const staffIds = {} as Record<StaffRole, string>;
  let citizen: string;

  beforeAll(async () => {
    app = await createTestApp();
    const world = await buildWorld(app.dataSource);
    for (const role of STAFF_ROLES) {
      const departmentId = role === 'handler' ? world.power.id : null;
      staffIds[role] = (await buildStaff(app.dataSource, { role, regionCode: ROLE_HOMES[role], departmentId })).id;
    }
    citizen = citizenToken(app.deps, await buildCitizen(app.dataSource));
  });
  afterAll(() => app.close());

  /** A token for the role's account as it is now (ending a session or changing a password renews it). */
  async function tokenOf(role: StaffRole): Promise<string> {
    const staff = await app.dataSource.getRepository(Staff).findOneByOrFail({ id: staffIds[role] });
    return staffToken(app.deps, staff);
  }

  async function statusOf(contract: RouteContract, token: string | null): Promise<number> {
    const request = app.http[contract.method](pathOf(contract));
    const response = await (token ? request.set(bearer(token)) : request);
    return response.status;
  }

  it('every route staff may call names a policy the server knows', () => {
    const withoutPolicy = API_CONTRACTS.filter(
      (contract) =>
        (contract.access === 'staff' || contract.access === 'citizenOrStaff') &&
        !(STAFF_POLICIES as readonly string[]).includes(contract.policy ?? ''),
    ).map(routeName);
    expect(withoutPolicy).toEqual([]);
  });

  it.each(CONTRACTS.map((contract) => [routeName(contract), contract] as const))('%s', async (_name, contract) => {
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    /** `through`: anything but 401 and 403; a number: exactly that status. */
    const record = (caller: string, status: number, want: 'through' | number) => {
      const got = want === 'through' ? (REFUSED.includes(status) ? `refused ${status}` : 'through') : status;
      expected[caller] = String(want);
      actual[caller] = String(got);
    };

    // A public route does not read the bearer token: every caller gets the answer the anonymous one got.
    const anonymous = await statusOf(contract, null);
    const publicAnswer = contract.access === 'public' ? anonymous : null;
    record('no token', anonymous, publicAnswer ?? 401);
    const citizenStatus = await statusOf(contract, citizen);
    if (contract.access === 'staff') record('citizen', citizenStatus, 401);
    else record('citizen', citizenStatus, publicAnswer ?? 'through');
    for (const role of STAFF_ROLES) {
      const status = await statusOf(contract, await tokenOf(role));
      if (contract.access === 'citizen') record(role, status, 401);
      else if (publicAnswer !== null) record(role, status, publicAnswer);
      else record(role, status, contract.policy && rolesAdmittedBy(contract.policy).includes(role) ? 'through' : 403);
    }
    expect(actual).toEqual(expected);
  });
});
