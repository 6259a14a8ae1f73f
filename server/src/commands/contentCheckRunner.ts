import type { EntityManager } from 'typeorm';
import { In, LessThanOrEqual } from 'typeorm';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { Attachment, Citizen, ContentCheck, Report, ReportEvent } from '../db/entities';
import { MEDIA_TYPES, isPermanentWechatError } from '../integrations/wechat/contentSecurityClient';
import type { MediaVerdict } from '../integrations/wechat/messagePush';
import { MediaUrlSigner } from '../storage/signedMediaUrl';
import { MEDIA_URL_SECONDS, VERDICT_WAIT_MS, retryAt, sceneOf } from './contentCheckPolicy';

export type CheckRunnerDeps = Pick<AppDeps, 'config' | 'dataSource' | 'logger' | 'storage' | 'contentSecurity'>;

/** While one attempt is in flight, nobody else picks the row up. */
const CLAIM_MS = 2 * 60_000;

/** The text a check is about, read from where it was stored; null when it is gone. */
async function textOf(manager: EntityManager, check: ContentCheck): Promise<string | null> {
  if (check.subjectType === 'citizen')
    return (await manager.getRepository(Citizen).findOneBy({ id: check.subjectId }))?.nickname ?? null;
  if (check.subjectType === 'event')
    return (await manager.getRepository(ReportEvent).findOneBy({ id: check.subjectId }))?.note ?? null;
  const report = await manager.getRepository(Report).findOneBy({ id: check.subjectId });
  return (check.field === 'voice.transcript' ? report?.transcript : report?.text) ?? null;
}

/** Where WeChat can fetch the attachment: the storage's own signed URL, else this server's signed route. */
async function mediaUrlOf(deps: CheckRunnerDeps, attachment: Attachment, now: Date): Promise<string | null> {
  if (deps.storage.temporaryUrl) return deps.storage.temporaryUrl(attachment.storageKey, MEDIA_URL_SECONDS);
  const base = deps.config.contentSecurity?.publicBaseUrl;
  if (!base) return null;
  return (
    base +
    new MediaUrlSigner(deps.config.tokenSecret).path(attachment.id, new Date(now.getTime() + MEDIA_URL_SECONDS * 1000))
  );
}

class RetryLater extends Error {}

async function update(
  deps: CheckRunnerDeps,
  check: ContentCheck,
  changes: Partial<ContentCheck>,
  now: Date,
): Promise<void> {
  await deps.dataSource.getRepository(ContentCheck).update({ id: check.id }, { ...changes, updatedAt: now });
}

/** Takes the row for this attempt, unless another worker (or an earlier request) already has. */
async function claim(deps: CheckRunnerDeps, check: ContentCheck, now: Date): Promise<boolean> {
  const claimed = await transaction(deps.dataSource, (manager) =>
    manager
      .createQueryBuilder()
      .update(ContentCheck)
      .set({ attempts: check.attempts + 1, nextAttemptAt: new Date(now.getTime() + CLAIM_MS), updatedAt: now })
      .where('id = :id AND attempts = :attempts AND status IN (:...statuses)', {
        id: check.id,
        attempts: check.attempts,
        statuses: ['queued', 'awaiting'],
      })
      .execute(),
  );
  return Boolean(claimed.affected);
}

/** One attempt at a queued check: a text is checked at once, a media file is sent off for a pushed verdict. */
async function attempt(deps: CheckRunnerDeps, check: ContentCheck, now: Date): Promise<void> {
  const client = deps.contentSecurity;
  if (!client || !(await claim(deps, check, now))) return;
  const attempts = check.attempts + 1;
  try {
    const citizen = await deps.dataSource.getRepository(Citizen).findOneBy({ id: check.citizenId });
    if (check.subjectType === 'attachment') {
      const attachment = await deps.dataSource.getRepository(Attachment).findOneBy({ id: check.subjectId });
      if (!citizen || !attachment)
        return await update(
          deps,
          check,
          { status: 'unchecked', nextAttemptAt: null, lastError: 'content deleted' },
          now,
        );
      const mediaUrl = await mediaUrlOf(deps, attachment, now);
      if (!mediaUrl) throw new RetryLater('no URL WeChat can fetch: set PUBLIC_BASE_URL');
      const traceId = await client.checkMediaAsync({
        openid: citizen.openid,
        scene: sceneOf(check.field),
        mediaUrl,
        mediaType: MEDIA_TYPES[attachment.kind],
      });
      // Sent again if WeChat never pushes the verdict.
      return await update(
        deps,
        check,
        { status: 'awaiting', traceId, nextAttemptAt: new Date(now.getTime() + VERDICT_WAIT_MS), lastError: null },
        now,
      );
    }
    const content = citizen ? await textOf(deps.dataSource.manager, check) : null;
    if (!citizen || !content)
      return await update(deps, check, { status: 'unchecked', nextAttemptAt: null, lastError: 'content deleted' }, now);
    const verdict = await client.checkText({ openid: citizen.openid, scene: sceneOf(check.field), content });
    // Already stored and seen by staff: risky text found late is held and flagged, not deleted.
    const held = verdict.suggest !== 'pass' ? { moderation: 'held' as const } : {};
    await update(
      deps,
      check,
      { status: verdict.suggest, label: verdict.label, nextAttemptAt: null, lastError: null, ...held },
      now,
    );
  } catch (error) {
    const lastError = (error as Error).message.slice(0, 255);
    if (isPermanentWechatError(error)) {
      // WeChat will never check it: a person must.
      await update(deps, check, { status: 'unchecked', nextAttemptAt: null, lastError, moderation: 'held' }, now);
      if (check.subjectType === 'attachment')
        await deps.dataSource.getRepository(Attachment).update({ id: check.subjectId }, { checkStatus: 'unchecked' });
      return;
    }
    deps.logger.warn({ err: error, checkId: check.id, attempts }, 'content check failed, retrying later');
    await update(
      deps,
      check,
      {
        status: check.status === 'awaiting' ? 'queued' : check.status,
        nextAttemptAt: retryAt(now, attempts),
        lastError,
      },
      now,
    );
  }
}

/** Sends the given checks now (right after a submission); failures stay queued for the scheduler. */
export async function attemptChecks(deps: CheckRunnerDeps, ids: readonly string[], now: Date): Promise<void> {
  if (!deps.contentSecurity || ids.length === 0) return;
  const checks = await deps.dataSource.getRepository(ContentCheck).findBy({ id: In([...ids]) });
  for (const check of checks) await attempt(deps, check, now);
}

/**
 * The scheduler's job: every queued check whose time has come, and every media check whose
 * pushed verdict is overdue. Without WeChat configured nothing is due (rows are `unchecked`).
 */
export async function runDueChecks(deps: CheckRunnerDeps, now: Date, limit: number): Promise<number> {
  if (!deps.contentSecurity) return 0;
  const due = await deps.dataSource.getRepository(ContentCheck).find({
    where: { status: In(['queued', 'awaiting']), nextAttemptAt: LessThanOrEqual(now) },
    order: { nextAttemptAt: 'ASC' },
    take: limit,
  });
  for (const check of due) await attempt(deps, check, now);
  return due.length;
}

const MEDIA_STATE = { pass: 'pass', review: 'review', risky: 'risky' } as const;

/**
 * A `wxa_media_check` verdict from the message push: the check and its attachment take it;
 * review and risky media wait for a staff decision (and stay hidden from everyone else).
 * An unknown or repeated trace_id changes nothing (WeChat retries pushes).
 */
export async function applyMediaVerdict(
  deps: Pick<AppDeps, 'dataSource' | 'clock'>,
  verdict: MediaVerdict,
): Promise<boolean> {
  return transaction(deps.dataSource, async (manager) => {
    const check = await manager
      .getRepository(ContentCheck)
      .findOneBy({ traceId: verdict.traceId, status: In(['awaiting', 'queued']) });
    if (!check) return false;
    const now = deps.clock();
    await manager.getRepository(ContentCheck).update(
      { id: check.id },
      {
        status: verdict.suggest,
        label: verdict.label,
        nextAttemptAt: null,
        lastError: null,
        ...(verdict.suggest !== 'pass' ? { moderation: 'held' as const } : {}),
        updatedAt: now,
      },
    );
    await manager
      .getRepository(Attachment)
      .update({ id: check.subjectId }, { checkStatus: MEDIA_STATE[verdict.suggest] });
    return true;
  });
}
