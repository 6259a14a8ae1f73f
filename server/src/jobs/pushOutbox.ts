import type { DataSource } from 'typeorm';
import { LessThan, LessThanOrEqual, MoreThan } from 'typeorm';
import type { SubscribeTopic } from '@minqing/shared';
import type { Config } from '../config';
import { transaction } from '../db/dataSource';
import { Citizen, PushOutboxMessage, PushSubscription } from '../db/entities';
import type { OutboxStatus } from '../db/entities/push';
import type { WechatSubscribeClient } from '../integrations/wechat/subscribeClient';
import { type TopicValues, templateData } from '../integrations/wechat/subscribeTemplates';
import { WechatApiError } from '../integrations/wechat/wechatApiError';
import type { Logger } from '../logger';

/** The user has no subscription left for the template: a normal end, never retried. */
export const NO_SUBSCRIPTION_ERRCODE = 43101;
/** Daily (45009) or per-minute (45011) call quota used up: wait long, and stop this run. */
export const QUOTA_ERRCODES: readonly number[] = [45009, 45011];
/** The message itself is wrong (openid, template id, data, page): retrying cannot help. */
export const PERMANENT_ERRCODES: readonly number[] = [40003, 40036, 40037, 41028, 41029, 41030, 47003];

export interface Backoff {
  baseMs: number;
  capMs: number;
}
export const RETRY_BACKOFF: Backoff = { baseMs: 60_000, capMs: 60 * 60_000 };
export const QUOTA_BACKOFF: Backoff = { baseMs: 30 * 60_000, capMs: 12 * 60 * 60_000 };
/** Failures other than quota after which a message is given up. */
export const MAX_ATTEMPTS = 6;
/** A claim older than this was interrupted mid-send (a crash). */
export const CLAIM_TIMEOUT_MS = 5 * 60_000;

/** attempt 1 → base, 2 → 2·base, 3 → 4·base …, at most cap. */
export function backoffDelay(attempt: number, backoff: Backoff): number {
  return Math.min(backoff.baseMs * 2 ** Math.max(0, attempt - 1), backoff.capMs);
}

export interface PushOutboxDeps {
  config: Pick<Config, 'push'>;
  dataSource: DataSource;
  logger: Logger;
  subscribe: WechatSubscribeClient;
}

export interface PushRun {
  sent: number;
  refused: number;
  failed: number;
  retried: number;
}

type Outcome =
  | { status: 'sent' }
  | { status: 'refused' | 'failed'; error: string }
  | { status: 'pending'; error: string; backoff: Backoff; stop: boolean };

const DATE_VALUES = new Set(['time', 'dueDate']);

/** Stored content is text; the keyword types decide how a time reads. */
function contentValues(content: Record<string, string>): Record<string, string | Date> {
  const values: Record<string, string | Date> = {};
  for (const [name, value] of Object.entries(content))
    values[name] = DATE_VALUES.has(name) && value ? new Date(value) : value;
  return values;
}

/**
 * Sends the subscribe messages waiting in `push_outbox`, run by the scheduler's leader. Each row
 * is claimed with a conditional UPDATE (pending → sending) that only one worker can win, so a
 * message is never sent twice, even by two processes at once. A claim found still `sending`
 * after CLAIM_TIMEOUT_MS means the sender died mid-call: WeChat may have delivered it, so it is
 * marked failed rather than sent again (at most once). A subscription is used only by a message
 * WeChat accepted.
 */
export class PushOutboxSender {
  constructor(
    private readonly deps: PushOutboxDeps,
    private readonly worker: string,
    private readonly batchSize = 100,
  ) {}

  async runOnce(now: Date): Promise<PushRun> {
    const run: PushRun = { sent: 0, refused: 0, failed: 0, retried: 0 };
    await this.giveUpInterrupted(now);
    const due = await this.deps.dataSource.getRepository(PushOutboxMessage).find({
      select: { id: true },
      where: { status: 'pending', nextAttemptAt: LessThanOrEqual(now) },
      order: { nextAttemptAt: 'ASC', id: 'ASC' },
      take: this.batchSize,
    });
    for (const { id } of due) {
      const row = await this.claim(id, now);
      if (!row) continue;
      const outcome = await this.deliver(row);
      await this.record(row, outcome, now);
      if (outcome.status === 'pending') run.retried += 1;
      else run[outcome.status] += 1;
      if (outcome.status === 'pending' && outcome.stop) break;
    }
    return run;
  }

  private giveUpInterrupted(now: Date): Promise<unknown> {
    return transaction(this.deps.dataSource, (manager) =>
      manager
        .getRepository(PushOutboxMessage)
        .update(
          { status: 'sending', claimedAt: LessThan(new Date(now.getTime() - CLAIM_TIMEOUT_MS)) },
          { status: 'failed', lastError: 'interrupted while sending; not repeated' },
        ),
    );
  }

  /** pending → sending, if nobody else got there first; the row as claimed, else null. */
  private claim(id: string, now: Date): Promise<PushOutboxMessage | null> {
    return transaction(this.deps.dataSource, async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(PushOutboxMessage)
        .set({ status: 'sending', claimedBy: this.worker, claimedAt: now, attempts: () => 'attempts + 1' })
        .where('id = :id AND status = :pending', { id, pending: 'pending' })
        .execute();
      if (!result.affected) return null;
      return manager.getRepository(PushOutboxMessage).findOneBy({ id });
    });
  }

  private async deliver(row: PushOutboxMessage): Promise<Outcome> {
    const template = this.deps.config.push?.templates[row.topic];
    if (!template) return { status: 'failed', error: `no template configured for ${row.topic}` };
    const [citizen, subscription] = await Promise.all([
      this.deps.dataSource
        .getRepository(Citizen)
        .findOne({ select: { id: true, openid: true }, where: { id: row.citizenId } }),
      this.deps.dataSource
        .getRepository(PushSubscription)
        .findOneBy({ citizenId: row.citizenId, topic: row.topic, remaining: MoreThan(0) }),
    ]);
    if (!citizen) return { status: 'failed', error: 'citizen no longer exists' };
    // Earlier messages used up what the citizen allowed: WeChat would only answer 43101.
    if (!subscription) return { status: 'refused', error: 'no subscription left' };
    try {
      await this.deps.subscribe.send({
        touser: citizen.openid,
        templateId: template.templateId,
        page: row.page,
        data: templateData(template, contentValues(row.content) as TopicValues<SubscribeTopic>),
      });
      return { status: 'sent' };
    } catch (error) {
      return this.outcomeOf(error, row.attempts);
    }
  }

  private outcomeOf(error: unknown, attempts: number): Outcome {
    const errcode = error instanceof WechatApiError ? error.errcode : -1;
    const text = (error instanceof WechatApiError ? `${error.errcode} ${error.errmsg}` : String(error)).slice(0, 255);
    if (errcode === NO_SUBSCRIPTION_ERRCODE) return { status: 'refused', error: text };
    if (QUOTA_ERRCODES.includes(errcode)) return { status: 'pending', error: text, backoff: QUOTA_BACKOFF, stop: true };
    if (PERMANENT_ERRCODES.includes(errcode) || attempts >= MAX_ATTEMPTS) return { status: 'failed', error: text };
    return { status: 'pending', error: text, backoff: RETRY_BACKOFF, stop: false };
  }

  private async record(row: PushOutboxMessage, outcome: Outcome, now: Date): Promise<void> {
    const changes: Partial<PushOutboxMessage> & { status: OutboxStatus } =
      outcome.status === 'sent'
        ? { status: 'sent', sentAt: now, lastError: null }
        : outcome.status === 'pending'
          ? {
              status: 'pending',
              lastError: outcome.error,
              nextAttemptAt: new Date(now.getTime() + backoffDelay(row.attempts, outcome.backoff)),
            }
          : { status: outcome.status, lastError: outcome.error };
    await transaction(this.deps.dataSource, async (manager) => {
      await manager.getRepository(PushOutboxMessage).update({ id: row.id, status: 'sending' }, changes);
      const subscriptions = manager.getRepository(PushSubscription);
      const key = { citizenId: row.citizenId, topic: row.topic };
      if (outcome.status === 'sent') {
        await subscriptions
          .createQueryBuilder()
          .update()
          .set({ remaining: () => 'remaining - 1' })
          .where('citizenId = :citizenId AND topic = :topic AND remaining > 0', key)
          .execute();
      } else if (outcome.status === 'refused') {
        // WeChat's count is the truth: ours was too high (or it was already zero).
        await subscriptions.update(key, { remaining: 0 });
      }
    });
    if (outcome.status !== 'sent')
      this.deps.logger.info(
        { outboxId: row.id, topic: row.topic, status: outcome.status, error: outcome.error },
        'subscribe message not sent',
      );
  }
}
