import {
  type CitizenAction,
  type DisputeRequest,
  type RatingRequest,
  type SupplementRequest,
  canPerform,
} from '@minqing/shared';
import type { EntityManager } from 'typeorm';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { type Citizen, Report } from '../db/entities';
import { forbidden, invalidTransition, notFound } from '../errors';
import { citizenCanView, transitionContext } from '../policies/report';
import { awardForRating } from './points/reportAwards';
import type { Screening } from './contentScreening';
import { bindAttachments } from './reportEvents';
import { applyTransition } from './reportTransition';

const REFUSALS: Record<CitizenAction, string> = {
  rate: '办结后才能评价，且每件事只能评价一次',
  dispute: '办结后才能要求重新办理',
  supplement: '该事项已结束，不能再补充',
};

async function withOwnReport<T>(
  deps: AppDeps,
  citizen: Citizen,
  reportId: string,
  action: CitizenAction,
  work: (report: Report, manager: EntityManager) => Promise<T>,
) {
  return transaction(deps.dataSource, async (manager) => {
    const report = await manager.getRepository(Report).findOneBy({ id: reportId });
    if (!report) throw notFound('没有找到该事项');
    if (!citizenCanView(citizen, report)) throw forbidden('只能处理您自己反映的事项');
    if (!canPerform('citizen', action, report.status, transitionContext(report)))
      throw invalidTransition(REFUSALS[action]);
    return work(report, manager);
  });
}

/** 1–5 stars; two or fewer reopen the report for another round of handling. */
export function rateReport(
  deps: AppDeps,
  props: { citizen: Citizen; reportId: string; rating: RatingRequest; screening?: Screening },
) {
  return withOwnReport(deps, props.citizen, props.reportId, 'rate', async (report, manager) => {
    const now = deps.clock();
    const { event } = await applyTransition(manager, {
      report,
      action: 'rate',
      actor: { type: 'citizen', id: props.citizen.id },
      ctx: { score: props.rating.score },
      changes: (toStatus) => ({
        rating: props.rating.score,
        ratingComment: props.rating.comment || null,
        closedAt: toStatus === 'closed' ? now : null,
        signedAt: toStatus === 'reopened' ? null : report.signedAt,
        reopenCount: report.reopenCount + (toStatus === 'reopened' ? 1 : 0),
      }),
      note: props.rating.comment || null,
      data: { score: props.rating.score },
      at: now,
    });
    await props.screening?.record(manager, { citizen: props.citizen, report, eventId: event.id, attachments: [] });
    await awardForRating(manager, report, now);
    return report;
  });
}

/** 要求重办: the citizen is not satisfied with the answer. */
export function disputeReport(
  deps: AppDeps,
  props: { citizen: Citizen; reportId: string; dispute: DisputeRequest; screening?: Screening },
) {
  return withOwnReport(deps, props.citizen, props.reportId, 'dispute', async (report, manager) => {
    const now = deps.clock();
    const { event } = await applyTransition(manager, {
      report,
      action: 'dispute',
      actor: { type: 'citizen', id: props.citizen.id },
      changes: { signedAt: null, closedAt: null, reopenCount: report.reopenCount + 1 },
      note: props.dispute.reason,
      at: now,
    });
    await props.screening?.record(manager, { citizen: props.citizen, report, eventId: event.id, attachments: [] });
    return report;
  });
}

/** 补充说明: more words or photos, the status unchanged. */
export function supplementReport(
  deps: AppDeps,
  props: { citizen: Citizen; reportId: string; supplement: SupplementRequest; screening?: Screening },
) {
  return withOwnReport(deps, props.citizen, props.reportId, 'supplement', async (report, manager) => {
    const now = deps.clock();
    // Nothing changes but the version: a supplement still counts as a change to the report.
    const { event } = await applyTransition(manager, {
      report,
      action: 'supplement',
      actor: { type: 'citizen', id: props.citizen.id },
      changes: {},
      note: props.supplement.text || null,
      at: now,
    });
    const photos = await bindAttachments(manager, {
      ids: props.supplement.photoUploadIds ?? [],
      ownerType: 'citizen',
      ownerId: props.citizen.id,
      kind: 'photo',
      reportId: report.id,
      eventId: event.id,
      field: 'photoUploadIds',
    });
    await props.screening?.record(manager, { citizen: props.citizen, report, eventId: event.id, attachments: photos });
    return report;
  });
}
