import { AUTHORIZATION_TABLE, SEES_ANONYMOUS, type RouteCase } from './authorizationTable';
import {
  CALLERS,
  WHISTLEBLOWER,
  buildAuthorizationWorld,
  type AuthorizationWorld,
  type Caller,
} from './authorizationWorld';
import { FakeWechatPay } from './fakeWechatPay';
import { FAKE_MAP_KEY, type FakeTencentMap, startFakeTencentMap } from './fakeTencentMap';
import { TencentMapClient } from '../integrations/tencentmap/tencentMapClient';
import { type TestApp, createTestApp } from './testApp';
import { bytes, sheetRows } from './workbook';

/**
 * Every route the OpenAPI document lists, called as every kind of caller: the answer must be the
 * one the table in authorizationTable.ts declares, and nothing a staff member receives may name
 * the household behind the anonymous 违法举报. A new route fails here until it is classified.
 */
const NOW = new Date('2026-11-20T02:00:00.000Z');
const REFUSED = [401, 403, 404];
const SPREADSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STAFF_CALLERS = new Set<Caller>(
  CALLERS.filter((caller) => !['anonymous', 'citizen', 'otherCitizen'].includes(caller)),
);

const routeCases = (route: string): RouteCase[] => [AUTHORIZATION_TABLE[route]].flat();
/** Routes whose changes would spoil the world run after all the others, ending sessions last of all. */
const PHASE_ORDER = { late: 1, last: 2 } as const;
const phaseOf = (route: string) =>
  Math.max(0, ...routeCases(route).map((routeCase) => (routeCase.phase ? PHASE_ORDER[routeCase.phase] : 0)));
const ROUTES = Object.keys(AUTHORIZATION_TABLE).sort((a, b) => phaseOf(a) - phaseOf(b));

type Outcome = 'allowed' | 'refused' | `answered ${number}`;

function outcomeOf(method: string, status: number): Outcome {
  if (REFUSED.includes(status)) return 'refused';
  // A read that gets through is answered; a change may still be refused on its merits, but never by a crash.
  if (method === 'GET' ? status < 400 : status !== 500) return 'allowed';
  return `answered ${status}`;
}

async function bodyText(response: { headers: Record<string, string>; body: Buffer }): Promise<string> {
  if (response.headers['content-type']?.startsWith(SPREADSHEET)) return JSON.stringify(await sheetRows(response.body));
  return Buffer.isBuffer(response.body) ? response.body.toString('utf8') : '';
}

describe('authorization matrix: every documented route × every kind of caller', () => {
  const pay = new FakeWechatPay();
  let app: TestApp;
  let world: AuthorizationWorld;
  let map: FakeTencentMap;

  beforeAll(async () => {
    await pay.start();
    map = await startFakeTencentMap();
    app = await createTestApp({
      clock: () => NOW,
      maps: new TencentMapClient({ key: FAKE_MAP_KEY, secret: null, endpoint: map.endpoint }),
      config: { wechatPay: pay.config(), payoutLimits: { perPaymentFen: 50_000, perMonthFen: 80_000 } },
    });
    world = await buildAuthorizationWorld(app);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await pay.stop();
    await map.close();
  });

  it('classifies every route the served OpenAPI document lists, and nothing else', async () => {
    const document = await app.http.get('/api/v1/openapi.json');
    expect(document.status).toBe(200);
    const documented = Object.entries(document.body.paths as Record<string, object>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...documented].sort()).toEqual(Object.keys(AUTHORIZATION_TABLE).sort());
  });

  /**
   * What the anonymous reporter is known by: none of it may reach a staff member. Staff who may not
   * open the anonymous report must not meet it anywhere else either (a queue, an export, a list).
   */
  function leaksIn(text: string, route: string, caller: Caller): string[] {
    const marks = [
      WHISTLEBLOWER.nickname,
      WHISTLEBLOWER.phone,
      WHISTLEBLOWER.maskedPhone,
      WHISTLEBLOWER.openid,
      world.whistleblower.id,
    ];
    // The ledger's lines are about people: the anonymous report's serial number there is the link.
    if (route.includes('/points/ledger') || !(SEES_ANONYMOUS as readonly Caller[]).includes(caller))
      marks.push(world.anonymousReport.serialNo, world.anonymousReport.text);
    return marks.filter((mark) => text.includes(mark));
  }

  async function call(route: string, routeCase: RouteCase, caller: Caller) {
    const [method, template] = route.split(' ');
    const params = routeCase.params?.(world) ?? {};
    const path = template.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(params[name]));
    let request = app.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](
      routeCase.query ? `${path}?${routeCase.query}` : path,
    );
    const token = world.tokens[caller];
    if (token) request = request.set('Authorization', `Bearer ${token}`);
    if (routeCase.body) request = request.send(routeCase.body(world));
    const response = await request.redirects(0).buffer(true).parse(bytes);
    if (response.status < 300 && routeCase.replace) await routeCase.replace(world);
    return response;
  }

  describe.each(ROUTES)('%s', (route) => {
    it.each(routeCases(route).map((routeCase) => [routeCase.label ?? 'as declared', routeCase] as const))(
      '%s',
      async (_label, routeCase) => {
        const method = route.split(' ')[0];
        const expected: Partial<Record<Caller, Outcome>> = {};
        const actual: Partial<Record<Caller, Outcome>> = {};
        const statuses = new Map<Caller, number>();
        const leaks: string[] = [];
        // Those who must be refused go first, while the resource is untouched.
        const order =
          routeCase.allowed === 'public'
            ? CALLERS
            : [...CALLERS].sort(
                (a, b) =>
                  Number(routeCase.allowed.includes(a)) - Number((routeCase.allowed as readonly Caller[]).includes(b)),
              );
        for (const caller of order) {
          const response = await call(route, routeCase, caller);
          statuses.set(caller, response.status);
          if (STAFF_CALLERS.has(caller)) {
            const found = leaksIn(await bodyText(response), route, caller);
            if (found.length) leaks.push(`${caller}: ${found.join(', ')}`);
          }
          if (routeCase.allowed === 'public') continue;
          actual[caller] = outcomeOf(method, response.status);
          expected[caller] = routeCase.allowed.includes(caller) ? 'allowed' : 'refused';
        }
        if (routeCase.allowed === 'public') {
          // The token plays no part: everyone gets the same answer, and never a crash.
          expect(new Set(statuses.values()).size).toBe(1);
          expect(statuses.get('anonymous')).not.toBe(500);
        }
        expect(actual).toEqual(expected);
        expect(leaks).toEqual([]);
      },
    );
  });
});
