import type { DataSource } from 'typeorm';
import type { ReportStatus } from '@minqing/shared';
import { Report, ReportFollower } from '../db/entities';
import { newId } from '../db/ids';
import { REGIONS, type World, buildCategory, buildWorld } from './factories';
import { chinaTime, insertReport } from './statsWorld';

const HOUR = 3600_000;

/**
 * Reports for 热点研判 and the 研判简报, by hand (China time). The week looked at is Monday
 * 2026-04-06 to Sunday 2026-04-12 (WEEK); 环比 is 2026-03-30 – 04-05, 同比 2025-04-06 – 04-12.
 * Every deadline is 30 days after dispatch, so nothing is overdue but the three reports meant to be.
 *
 * 五一村 (城关镇, 城关镇供电所):
 *   供电: 3 this week, 1 the week before, 2 a year ago → rising (3 > 1, 3 > 2).
 *   饮水安全: 3 this week, 3 the week before → not rising (no more than the week before); one of
 *     the week before resolved 04-01 (rated 5) and one 04-02 (rated 2), so the 3 of this week
 *     repeat a resolved matter → 3 repeats.
 *   道路交通: 2 this week → under the least of 3; one resolved 04-09 after the other came in
 *     (04-07) → no repeat. Two open reports from February past their deadline (超期).
 * 紫云村 (涧池镇, 涧池镇供电所):
 *   供电: 4 this week, 0 the week before, 5 a year ago → not rising; one resolved 2026-03-05,
 *     32 days before this week's first → no repeat.
 *   饮水安全: 3 this week, none before → rising; one resolved 2026-03-07 09:00, exactly 30 days
 *     before the first of this week (04-06 09:00) → 1 repeat, the next (04-08) is 32 days after.
 *   道路交通: one from 03-20 rated 4; one open from February past its deadline (超期).
 * 我也遇到: 五一村's first 饮水安全 of the week has 5 followers, 紫云村's first 供电 2, 五一村's first
 * 供电 1 (under the least of 2); 五一村's 供电 of the week before has 9 but is not of this week.
 */
export const WEEK = { from: '2026-04-06', to: '2026-04-12' };
/** Monday 2026-04-13 00:30 China time: the week is over, its brief is due. */
export const BRIEF_NOW = chinaTime('2026-04-13 00:30');
export const WATER = '饮水安全';

const DAY = 24 * 3600_000;

export async function buildHotspotsWorld(ds: DataSource): Promise<World> {
  const world = await buildWorld(ds);
  await buildCategory(ds, { code: 'water', name: WATER, departmentKind: 'water' });
  await buildCategory(ds, { code: 'road', name: '道路交通', departmentKind: 'road' });
  const add = async (
    place: 'wuyi' | 'ziyun',
    categoryCode: string,
    dispatched: string,
    more: {
      status?: ReportStatus;
      resolved?: string;
      rating?: number;
      created?: string;
      dueDays?: number;
      followers?: number;
    } = {},
  ) => {
    const dispatchedAt = chinaTime(dispatched);
    const resolvedAt = more.resolved ? chinaTime(more.resolved) : null;
    const report = await insertReport(ds, {
      departmentId: place === 'wuyi' ? world.power.id : world.jianchiPower.id,
      villageCode: place === 'wuyi' ? REGIONS.chengguanVillage : REGIONS.jianchiVillage,
      categoryCode,
      status: more.status ?? (resolvedAt ? 'closed' : 'dispatched'),
      dispatchedAt,
      ...(more.created ? { createdAt: chinaTime(more.created) } : {}),
      resolvedAt,
      closedAt: resolvedAt,
      rating: more.rating ?? null,
      resolveDueAt: new Date(dispatchedAt.getTime() + (more.dueDays ?? 30) * DAY),
    });
    if (more.followers) {
      // As followReport leaves them: one row per villager who joined, after the report was filed, and the count.
      await ds.getRepository(ReportFollower).insert(
        Array.from({ length: more.followers }, (_, index) => ({
          reportId: report.id,
          citizenId: newId(),
          createdAt: new Date(report.createdAt.getTime() + (index + 1) * HOUR),
        })),
      );
      await ds.getRepository(Report).update({ id: report.id }, { followerCount: more.followers });
    }
  };
  // 五一村 供电
  await add('wuyi', 'power', '2026-04-07 10:00', { followers: 1 });
  for (const day of ['04-08', '04-10']) await add('wuyi', 'power', `2026-${day} 10:00`);
  await add('wuyi', 'power', '2026-04-01 10:00', { followers: 9 });
  await add('wuyi', 'power', '2025-04-08 10:00', { resolved: '2025-04-09 10:00' });
  await add('wuyi', 'power', '2025-04-09 10:00', { resolved: '2025-04-10 10:00' });
  // 五一村 饮水安全
  await add('wuyi', 'water', '2026-04-06 10:00', { status: 'accepted', followers: 5 });
  for (const day of ['04-09', '04-11']) await add('wuyi', 'water', `2026-${day} 10:00`, { status: 'accepted' });
  await add('wuyi', 'water', '2026-03-30 10:00', { resolved: '2026-04-01 10:00', rating: 5 });
  await add('wuyi', 'water', '2026-03-31 10:00', { resolved: '2026-04-02 10:00', rating: 2 });
  await add('wuyi', 'water', '2026-04-02 10:00', { status: 'accepted' });
  // 五一村 道路交通
  await add('wuyi', 'road', '2026-04-07 11:00');
  await add('wuyi', 'road', '2026-04-06 11:00', { resolved: '2026-04-09 10:00' });
  await add('wuyi', 'road', '2026-02-10 10:00', { status: 'accepted', dueDays: 7 });
  await add('wuyi', 'road', '2026-02-10 11:00', { status: 'accepted', dueDays: 7 });
  // 紫云村 供电
  await add('ziyun', 'power', '2026-04-06 12:00', { followers: 2 });
  for (const day of ['04-07', '04-08', '04-09']) await add('ziyun', 'power', `2026-${day} 12:00`);
  for (const day of ['04-06', '04-07', '04-08', '04-09', '04-10'])
    await add('ziyun', 'power', `2025-${day} 12:00`, { resolved: `2025-${day} 18:00` });
  await add('ziyun', 'power', '2026-03-02 10:00', { resolved: '2026-03-05 10:00' });
  // 紫云村 饮水安全
  for (const day of ['04-06', '04-08', '04-10'])
    await add('ziyun', 'water', `2026-${day} 09:00`, { created: `2026-${day} 09:00` });
  await add('ziyun', 'water', '2026-03-05 09:00', { resolved: '2026-03-07 09:00' });
  // 紫云村 道路交通
  await add('ziyun', 'road', '2026-03-20 10:00', { resolved: '2026-03-22 10:00', rating: 4 });
  await add('ziyun', 'road', '2026-02-11 10:00', { status: 'accepted', dueDays: 7 });
  return world;
}
