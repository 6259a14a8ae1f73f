import type { DataSource } from 'typeorm';
import type { ReportEventType, ReportStatus, StatFigures } from '@minqing/shared';
import { type Department, Report, ReportEvent } from '../db/entities';
import { newId } from '../db/ids';
import { REGIONS, type World, buildCategory, buildDepartment, buildWorld } from './factories';

/**
 * Hand-built reports with exact timestamps for the statistics tests: every figure of March
 * 2026 is worked out by hand in MARCH, at the end. Times are China time unless a UTC
 * instant is the point (month boundaries).
 */

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** 'YYYY-MM-DD HH:mm[:ss.SSS]' in China time → the instant. */
export const chinaTime = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);
const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

/** When the statistics are computed: after March has ended, so March is a closed month. */
export const STATS_NOW = chinaTime('2026-04-10 12:00');

let serial = 0;

export interface ReportRow {
  departmentId: string | null;
  villageCode?: string;
  categoryCode?: string | null;
  status: ReportStatus;
  dispatchedAt: Date | null;
  createdAt?: Date;
  signedAt?: Date | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  responseDueAt?: Date | null;
  resolveDueAt?: Date | null;
  rating?: number | null;
  reopenCount?: number;
}

/** Inserts one report row as the commands would have left it; deadlines default to 24 h and 7 days from dispatch. */
export async function insertReport(ds: DataSource, row: ReportRow): Promise<Report> {
  const villageCode = row.villageCode ?? REGIONS.chengguanVillage;
  const dispatchedAt = row.dispatchedAt;
  const report = Object.assign(new Report(), {
    id: newId(),
    serialNo: `ST20260301-${String(++serial).padStart(4, '0')}`,
    serviceCode: 'direct',
    categoryCode: row.categoryCode === undefined ? 'power' : row.categoryCode,
    departmentId: row.departmentId,
    countyCode: villageCode.slice(0, 6),
    townshipCode: villageCode.slice(0, 9),
    villageCode,
    citizenId: newId(),
    anonymous: false,
    text: '统计测试',
    transcript: null,
    transcriptSource: null,
    voiceAttachmentId: null,
    lat: null,
    lng: null,
    address: null,
    contactPhoneEncrypted: null,
    status: row.status,
    tier: 'general',
    escalated: false,
    extensionRequestedDays: null,
    responseDueAt: row.responseDueAt !== undefined ? row.responseDueAt : dispatchedAt && later(dispatchedAt, 24 * HOUR),
    resolveDueAt: row.resolveDueAt !== undefined ? row.resolveDueAt : dispatchedAt && later(dispatchedAt, 7 * DAY),
    dispatchedAt,
    signedAt: row.signedAt ?? null,
    resolvedAt: row.resolvedAt ?? null,
    closedAt: row.closedAt ?? null,
    rating: row.rating ?? null,
    ratingComment: null,
    mergedIntoId: null,
    reopenCount: row.reopenCount ?? 0,
    createdAt: row.createdAt ?? (dispatchedAt ? later(dispatchedAt, -5 * 60_000) : STATS_NOW),
    updatedAt: STATS_NOW,
    version: 1,
  });
  await ds.createQueryBuilder().insert().into(Report).values(report).updateEntity(false).execute();
  return report;
}

export async function insertEvent(
  ds: DataSource,
  event: { reportId: string; type: ReportEventType; departmentId: string | null; at: Date },
) {
  await ds
    .createQueryBuilder()
    .insert()
    .into(ReportEvent)
    .values({
      id: newId(),
      reportId: event.reportId,
      type: event.type,
      fromStatus: 'dispatched',
      toStatus: event.type === 'return' ? 'submitted' : 'accepted',
      actorType: 'staff',
      actorId: null,
      departmentId: event.departmentId,
      note: null,
      data: null,
      public: false,
      createdAt: event.at,
    })
    .updateEntity(false)
    .execute();
}

export interface StatsWorld extends World {
  /** 县民政局: one report, nothing resolved or rated — the null denominators. */
  civil: Department;
  /** 县水利局: nothing at all — not listed. */
  idle: Department;
}

/**
 * power = A (城关镇供电所), agriculture = B (县农业农村局), jianchiPower = C (涧池镇供电所,
 * only a return), civil = F. Comments give each report's part in the March figures.
 */
export async function buildStatsWorld(ds: DataSource): Promise<StatsWorld> {
  const world = await buildWorld(ds);
  await buildCategory(ds, { code: 'agri', name: '农业灾害', departmentKind: 'agriculture' });
  const civil = await buildDepartment(ds, {
    name: '县民政局',
    level: 'county',
    regionCode: REGIONS.county,
    kind: 'civil',
  });
  const idle = await buildDepartment(ds, {
    name: '县水利局',
    level: 'county',
    regionCode: REGIONS.county,
    kind: 'water',
  });
  const A = world.power.id;
  const B = world.agriculture.id;
  const C = world.jianchiPower.id;

  // A, March: received a1 a2 a3 a4 a5 a6 a10.
  // a1 starts March exactly (2026-02-28T16:00Z): responded, resolved on time in 72 h, 5 stars.
  const a1At = chinaTime('2026-03-01 00:00:00.000');
  await insertReport(ds, {
    departmentId: A,
    status: 'closed',
    dispatchedAt: a1At,
    signedAt: later(a1At, 2 * HOUR),
    resolvedAt: later(a1At, 72 * HOUR),
    closedAt: later(a1At, 96 * HOUR),
    rating: 5,
  });
  // a2: signed 2 h late, resolved 2 days late (216 h): overdue.
  const a2 = await insertReport(ds, {
    departmentId: A,
    status: 'resolved',
    dispatchedAt: chinaTime('2026-03-05 10:00'),
    signedAt: chinaTime('2026-03-06 12:00'),
    resolvedAt: chinaTime('2026-03-14 10:00'),
  });
  // a3: responded, still being handled after its deadline (03-17): overdue.
  await insertReport(ds, {
    departmentId: A,
    status: 'accepted',
    dispatchedAt: chinaTime('2026-03-10 08:00'),
    signedAt: chinaTime('2026-03-10 09:00'),
  });
  // a4: signed an hour late; an approved extension moved its deadline past now: not overdue.
  await insertReport(ds, {
    departmentId: A,
    status: 'accepted',
    dispatchedAt: chinaTime('2026-03-15 10:00'),
    signedAt: chinaTime('2026-03-16 11:00'),
    resolveDueAt: chinaTime('2026-04-20 10:00'),
  });
  // a5: resolved, rated 2 stars and so reopened (signedAt cleared): rated, a repeat complaint, open past its deadline.
  await insertReport(ds, {
    departmentId: A,
    status: 'reopened',
    dispatchedAt: chinaTime('2026-03-02 09:00'),
    resolvedAt: chinaTime('2026-03-03 09:00'),
    rating: 2,
    reopenCount: 1,
  });
  // a6: disputed once, handled again in 24 h, then 4 stars: a repeat complaint that ended satisfied.
  const a6At = chinaTime('2026-03-03 00:00');
  await insertReport(ds, {
    departmentId: A,
    status: 'closed',
    dispatchedAt: a6At,
    signedAt: later(a6At, HOUR),
    resolvedAt: later(a6At, 24 * HOUR),
    closedAt: later(a6At, 30 * HOUR),
    rating: 4,
    reopenCount: 1,
  });
  // a7, a8: rejected and merged after dispatch: not counted anywhere.
  await insertReport(ds, {
    departmentId: A,
    status: 'rejected',
    dispatchedAt: chinaTime('2026-03-06 10:00'),
    closedAt: chinaTime('2026-03-06 11:00'),
  });
  await insertReport(ds, {
    departmentId: A,
    status: 'merged',
    dispatchedAt: chinaTime('2026-03-07 10:00'),
    closedAt: chinaTime('2026-03-07 11:00'),
  });
  // a9: the last millisecond of February (15:59:59.999Z); resolved in 10 h, on 1 March: February's.
  const a9At = chinaTime('2026-02-28 23:59:59.999');
  await insertReport(ds, {
    departmentId: A,
    status: 'closed',
    dispatchedAt: a9At,
    signedAt: later(a9At, HOUR),
    resolvedAt: later(a9At, 10 * HOUR),
    closedAt: later(a9At, 20 * HOUR),
    rating: 3,
  });
  // a10: the last millisecond of March, never signed, deadline 04-07 passed: overdue.
  await insertReport(ds, { departmentId: A, status: 'dispatched', dispatchedAt: chinaTime('2026-03-31 23:59:59.999') });
  // a11: 1 April 00:00 China time, still 31 March in UTC: April's.
  const a11 = await insertReport(ds, {
    departmentId: A,
    status: 'dispatched',
    dispatchedAt: new Date('2026-03-31T16:00:00.000Z'),
  });
  // a12 and t1: today's intake (t1 waits for triage); y1 came in yesterday, just before midnight.
  await insertReport(ds, {
    departmentId: A,
    status: 'dispatched',
    dispatchedAt: chinaTime('2026-04-10 08:05'),
    createdAt: chinaTime('2026-04-10 08:00'),
  });
  await insertReport(ds, {
    departmentId: null,
    status: 'submitted',
    dispatchedAt: null,
    categoryCode: null,
    createdAt: chinaTime('2026-04-10 09:00'),
  });
  await insertReport(ds, {
    departmentId: null,
    status: 'rejected',
    dispatchedAt: null,
    categoryCode: null,
    createdAt: chinaTime('2026-04-09 23:59:59.999'),
  });

  // B, March: received b1 b2 b3 b4.
  await insertReport(ds, {
    departmentId: B,
    categoryCode: 'agri',
    status: 'closed',
    dispatchedAt: chinaTime('2026-03-02 08:00'),
    signedAt: chinaTime('2026-03-02 09:00'),
    resolvedAt: chinaTime('2026-03-04 08:00'),
    closedAt: chinaTime('2026-03-05 08:00'),
    rating: 3,
  });
  await insertReport(ds, {
    departmentId: B,
    categoryCode: 'agri',
    status: 'resolved',
    dispatchedAt: chinaTime('2026-03-20 08:00'),
    signedAt: chinaTime('2026-03-20 08:30'),
    resolvedAt: chinaTime('2026-03-20 14:30'),
  });
  // b3 is in 涧池镇 (a county bureau serves every township): responded, overdue.
  await insertReport(ds, {
    departmentId: B,
    categoryCode: 'agri',
    villageCode: REGIONS.jianchiVillage,
    status: 'accepted',
    dispatchedAt: chinaTime('2026-03-12 10:00'),
    signedAt: chinaTime('2026-03-12 11:00'),
  });
  // b4: A returned it on 03-07, the dispatcher sent it to B on 03-08; unsigned, overdue.
  const b4 = await insertReport(ds, {
    departmentId: B,
    categoryCode: 'agri',
    status: 'dispatched',
    dispatchedAt: chinaTime('2026-03-08 10:00'),
  });

  // c1: C returned it and it waits in triage: no department, so nobody's received; C's return.
  const c1 = await insertReport(ds, {
    departmentId: null,
    villageCode: REGIONS.jianchiVillage,
    status: 'submitted',
    dispatchedAt: chinaTime('2026-03-05 08:00'),
    responseDueAt: null,
    resolveDueAt: null,
  });

  // f1: sent without a category, not signed in time, deadline still ahead (04-15).
  await insertReport(ds, {
    departmentId: civil.id,
    categoryCode: null,
    status: 'dispatched',
    dispatchedAt: chinaTime('2026-03-25 09:00'),
    resolveDueAt: chinaTime('2026-04-15 09:00'),
  });

  // Returns: A in March (b4), C in March (c1), A in February (23:00 on the 28th) and in April (00:00 China on the 1st).
  await insertEvent(ds, { reportId: b4.id, type: 'return', departmentId: A, at: chinaTime('2026-03-07 10:00') });
  await insertEvent(ds, { reportId: c1.id, type: 'return', departmentId: C, at: chinaTime('2026-03-06 09:00') });
  await insertEvent(ds, { reportId: a2.id, type: 'return', departmentId: A, at: chinaTime('2026-02-28 23:00') });
  await insertEvent(ds, {
    reportId: a11.id,
    type: 'return',
    departmentId: A,
    at: new Date('2026-03-31T16:00:00.000Z'),
  });
  // Other events by A are not returns.
  await insertEvent(ds, { reportId: a2.id, type: 'sign', departmentId: A, at: chinaTime('2026-03-06 12:00') });

  return { ...world, civil, idle };
}

/** Every March figure of the world above, worked out by hand from the comments on each report. */
export const MARCH: Record<'A' | 'B' | 'C' | 'F' | 'chengguan' | 'jianchi' | 'county', StatFigures> = {
  // a1 a2 a3 a4 a5 a6 a10; responded a1 a3 a6; resolved a1 a2 a6 (72 + 216 + 24 h); rated a1 a5 a6.
  A: {
    received: 7,
    responded: 3,
    responseRate: 3 / 7,
    resolved: 3,
    resolvedOnTime: 2,
    onTimeRate: 2 / 3,
    resolvedRate: 3 / 7,
    rated: 3,
    satisfied: 2,
    satisfactionRate: 2 / 3,
    visitRated: 0,
    visitSatisfied: 0,
    visitSatisfactionRate: null,
    meanHoursToResolve: 104,
    overdue: 4,
    returns: 1,
    repeatComplaints: 2,
  },
  // b1 b2 b3 b4; resolved b1 (48 h) b2 (6.5 h); b1 rated 3 stars; b3 b4 overdue.
  B: {
    received: 4,
    responded: 3,
    responseRate: 0.75,
    resolved: 2,
    resolvedOnTime: 2,
    onTimeRate: 1,
    resolvedRate: 0.5,
    rated: 1,
    satisfied: 0,
    satisfactionRate: 0,
    visitRated: 0,
    visitSatisfied: 0,
    visitSatisfactionRate: null,
    meanHoursToResolve: 27.25,
    overdue: 2,
    returns: 0,
    repeatComplaints: 0,
  },
  // Only a return.
  C: {
    received: 0,
    responded: 0,
    responseRate: null,
    resolved: 0,
    resolvedOnTime: 0,
    onTimeRate: null,
    resolvedRate: null,
    rated: 0,
    satisfied: 0,
    satisfactionRate: null,
    visitRated: 0,
    visitSatisfied: 0,
    visitSatisfactionRate: null,
    meanHoursToResolve: null,
    overdue: 0,
    returns: 1,
    repeatComplaints: 0,
  },
  // f1: received, nothing resolved or rated.
  F: {
    received: 1,
    responded: 0,
    responseRate: 0,
    resolved: 0,
    resolvedOnTime: 0,
    onTimeRate: null,
    resolvedRate: 0,
    rated: 0,
    satisfied: 0,
    satisfactionRate: null,
    visitRated: 0,
    visitSatisfied: 0,
    visitSatisfactionRate: null,
    meanHoursToResolve: null,
    overdue: 0,
    returns: 0,
    repeatComplaints: 0,
  },
  // A's seven, b1 b2 b4, f1; the return of b4 (located here, made by A).
  chengguan: {
    received: 11,
    responded: 5,
    responseRate: 5 / 11,
    resolved: 5,
    resolvedOnTime: 4,
    onTimeRate: 0.8,
    resolvedRate: 5 / 11,
    rated: 4,
    satisfied: 2,
    satisfactionRate: 0.5,
    visitRated: 0,
    visitSatisfied: 0,
    visitSatisfactionRate: null,
    meanHoursToResolve: 73.3,
    overdue: 5,
    returns: 1,
    repeatComplaints: 2,
  },
  // b3; the return of c1.
  jianchi: {
    received: 1,
    responded: 1,
    responseRate: 1,
    resolved: 0,
    resolvedOnTime: 0,
    onTimeRate: null,
    resolvedRate: 0,
    rated: 0,
    satisfied: 0,
    satisfactionRate: null,
    visitRated: 0,
    visitSatisfied: 0,
    visitSatisfactionRate: null,
    meanHoursToResolve: null,
    overdue: 1,
    returns: 1,
    repeatComplaints: 0,
  },
  county: {
    received: 12,
    responded: 6,
    responseRate: 0.5,
    resolved: 5,
    resolvedOnTime: 4,
    onTimeRate: 0.8,
    resolvedRate: 5 / 12,
    rated: 4,
    satisfied: 2,
    satisfactionRate: 0.5,
    visitRated: 0,
    visitSatisfied: 0,
    visitSatisfactionRate: null,
    meanHoursToResolve: 73.3,
    overdue: 6,
    returns: 2,
    repeatComplaints: 2,
  },
};
