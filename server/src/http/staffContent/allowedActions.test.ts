import { PUBLICATION_ACTIONS, type PublicationAction, type PublicationStatus, type StaffRole } from '@minqing/shared';
import type { Staff } from '../../db/entities';
import { Article, Notice } from '../../db/entities';
import { newId } from '../../db/ids';
import { REGIONS, bearer, buildStaff, buildWorld, staffToken } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

type Kind = 'notices' | 'articles';
const STATUSES: PublicationStatus[] = ['draft', 'published', 'withdrawn'];
const CALLERS: Record<string, [StaffRole, string]> = {
  五一村村干部: ['cadre', REGIONS.chengguanVillage],
  城关镇村干部: ['cadre', REGIONS.chengguan],
  涧池镇调度员: ['dispatcher', REGIONS.jianchi],
  县指挥中心: ['county', REGIONS.county],
  城关镇经办人: ['handler', REGIONS.chengguan],
};
const PLACES = { 五一村: REGIONS.chengguanVillage, 城关镇: REGIONS.chengguan, 全县: REGIONS.county } as const;

/**
 * What a staff member is told they may do with a notice or an article (`allowedActions`) is
 * exactly what the server then lets them do: every action listed succeeds, every other one is
 * refused — 403 outside their subtree or role, 409 in the wrong status.
 */
describe('allowed actions of notices and articles agree with the routes', () => {
  let app: TestApp;
  const callers: Record<string, Staff> = {};

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
    for (const [name, [role, regionCode]] of Object.entries(CALLERS))
      callers[name] = await buildStaff(app.dataSource, { role, regionCode });
  });
  afterAll(() => app.close());

  async function insert(kind: Kind, regionCode: string, status: PublicationStatus): Promise<string> {
    const now = new Date('2026-03-02T08:00:00Z');
    const common = {
      id: newId(),
      title: '春耕补贴发放公示',
      body: '补贴标准如下……',
      regionCode,
      status,
      publishedAt: status === 'draft' ? null : now,
      readCount: 0,
      authorId: newId(),
      createdAt: now,
      updatedAt: now,
    };
    if (kind === 'notices') {
      const row = { ...common, category: 'village' as const, pinned: false, expiresAt: null, imageUploadIds: [] };
      await app.dataSource.getRepository(Notice).insert(row);
    } else {
      await app.dataSource.getRepository(Article).insert({ ...common, summary: '', category: 'policy' as const });
    }
    return common.id;
  }

  function attempt(kind: Kind, id: string, action: PublicationAction, staff: Staff) {
    const path = `/api/v1/staff/${kind}/${id}`;
    const request =
      action === 'edit' ? app.http.patch(path).send({ title: '更正后的标题' }) : app.http.post(`${path}/${action}`);
    return request.set(bearer(staffToken(app.deps, staff)));
  }

  /** What the caller is told (nothing when they may not even open it), and what the routes then let them do. */
  async function toldAndDone(kind: Kind, staff: Staff, regionCode: string, status: PublicationStatus) {
    const shown = await app.http
      .get(`/api/v1/staff/${kind}/${await insert(kind, regionCode, status)}`)
      .set(bearer(staffToken(app.deps, staff)));
    const told: PublicationAction[] = shown.status === 200 ? shown.body.allowedActions : [];
    const done: PublicationAction[] = [];
    for (const action of PUBLICATION_ACTIONS) {
      const response = await attempt(kind, await insert(kind, regionCode, status), action, staff);
      if (response.status === 200) done.push(action);
      else expect([403, 409]).toContain(response.status);
    }
    return { told, done };
  }

  const cases = Object.keys(CALLERS).flatMap((caller) =>
    (['notices', 'articles'] as const).flatMap((kind) =>
      Object.keys(PLACES).map((place) => [caller, kind, place] as [string, Kind, keyof typeof PLACES]),
    ),
  );

  it.each(cases)('%s, %s of %s: told exactly what the routes allow', async (caller, kind, place) => {
    for (const status of STATUSES) {
      const { told, done } = await toldAndDone(kind, callers[caller], PLACES[place], status);
      expect({ status, told }).toEqual({ status, told: done });
    }
  });

  it('lists the actions by status for a publisher in scope, and none for anyone else', async () => {
    const villageCadre = callers.五一村村干部;
    expect(await toldAndDone('notices', villageCadre, REGIONS.chengguanVillage, 'draft')).toEqual({
      told: ['edit', 'publish'],
      done: ['edit', 'publish'],
    });
    expect((await toldAndDone('notices', villageCadre, REGIONS.chengguanVillage, 'published')).told).toEqual([
      'edit',
      'withdraw',
    ]);
    expect((await toldAndDone('articles', callers.县指挥中心, REGIONS.chengguan, 'withdrawn')).told).toEqual([
      'edit',
      'publish',
    ]);
    // The township's notice is above the village cadre; 城关镇 is not the 涧池镇 dispatcher's; articles are the county's.
    expect(await toldAndDone('notices', villageCadre, REGIONS.chengguan, 'draft')).toEqual({ told: [], done: [] });
    expect(await toldAndDone('notices', callers.涧池镇调度员, REGIONS.chengguanVillage, 'published')).toEqual({
      told: [],
      done: [],
    });
    expect(await toldAndDone('articles', callers.城关镇村干部, REGIONS.chengguan, 'draft')).toEqual({
      told: [],
      done: [],
    });
  });

  it('refuses out of scope with 403 and in the wrong status with 409', async () => {
    const outside = await attempt(
      'notices',
      await insert('notices', REGIONS.chengguan, 'draft'),
      'edit',
      callers.五一村村干部,
    );
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('forbidden');
    const id = await insert('notices', REGIONS.chengguan, 'draft');
    const withdrawDraft = await attempt('notices', id, 'withdraw', callers.城关镇村干部);
    expect(withdrawDraft.status).toBe(409);
    expect(withdrawDraft.body.error.code).toBe('invalid_transition');
    expect(await app.dataSource.getRepository(Notice).findOneByOrFail({ id })).toMatchObject({ status: 'draft' });
  });
});
