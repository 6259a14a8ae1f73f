import { CHECKED_FIELD_NAMES, type CheckedField, type ContentCheckStatus } from '@minqing/shared';
import type { EntityManager } from 'typeorm';
import type { AppDeps } from '../context';
import { Attachment, ContentCheck } from '../db/entities';
import type { CheckSubject } from '../db/entities/contentCheck';
import type { Citizen, Report } from '../db/entities';
import { newId } from '../db/ids';
import { insertRows } from '../db/insertRows';
import { badRequest } from '../errors';
import { isPermanentWechatError, type SecurityScene } from '../integrations/wechat/contentSecurityClient';
import { retryAt, sceneOf } from './contentCheckPolicy';
import { attemptChecks } from './contentCheckRunner';

/** One piece of citizen text about to be stored, and the request field it came in. */
export interface TextToCheck {
  field: CheckedField;
  /** The request body's field, named in the refusal: `text`, `comment`, `reason`, `nickname` … */
  bodyField: string;
  content: string | null | undefined;
}

/** What the check at submission found, recorded once the content is stored. */
interface TextOutcome {
  field: CheckedField;
  status: ContentCheckStatus;
  label: number | null;
  lastError: string | null;
  /** Held for a staff decision: WeChat said review, or the text cannot be checked by WeChat at all. */
  held: boolean;
}

/** Where what was just written lives, for the check rows. */
export interface WrittenContent {
  citizen: Citizen;
  report: Report | null;
  /** The event whose note holds a supplement, rating comment or dispute reason. */
  eventId: string | null;
  /** Media the citizen just attached: each gets a queued media check. */
  attachments: Attachment[];
}

const REPORT_FIELDS: readonly CheckedField[] = ['text', 'voice.transcript'];

function subjectOf(field: CheckedField, written: WrittenContent): { type: CheckSubject; id: string } {
  if (field === 'nickname') return { type: 'citizen', id: written.citizen.id };
  if (REPORT_FIELDS.includes(field)) return { type: 'report', id: written.report!.id };
  return { type: 'event', id: written.eventId! };
}

/**
 * A public report's own text that WeChat did not check (not configured, or it never will): the village
 * board shows only checked text, so a moderator's release in 内容审核 stands in for the check.
 */
function awaitsPerson(outcome: TextOutcome, written: WrittenContent): boolean {
  return outcome.status === 'unchecked' && REPORT_FIELDS.includes(outcome.field) && Boolean(written.report?.public);
}

/**
 * Citizen text checked at submission (msg_sec_check v2, while the openid is fresh) and the
 * record of it. `risky` is refused before anything is stored; `review` is stored and held for
 * staff; when WeChat cannot be reached the text is stored and its check queued for retry; with
 * no WeChat configured the text is stored and recorded as unchecked — never as passed.
 */
export class Screening {
  private readonly queuedMedia: string[] = [];

  private constructor(
    private readonly deps: AppDeps,
    private readonly outcomes: TextOutcome[],
  ) {}

  /** Checks every non-empty text; throws a 400 naming the field for risky content. */
  static async ofTexts(deps: AppDeps, citizen: Citizen, texts: TextToCheck[]): Promise<Screening> {
    const present = texts.filter((text): text is TextToCheck & { content: string } => Boolean(text.content?.trim()));
    const outcomes = await Promise.all(present.map((text) => checkOne(deps, citizen, text)));
    const refused = present.find((_, index) => outcomes[index].status === 'risky');
    if (refused)
      throw badRequest(`${CHECKED_FIELD_NAMES[refused.field]}含有不宜发布的内容，请修改后再提交`, refused.bodyField);
    return new Screening(deps, outcomes);
  }

  /** Writes the check rows for what was just stored and queues its media; call inside the writer's transaction. */
  async record(manager: EntityManager, written: WrittenContent): Promise<void> {
    // Every column is given: nothing to read back after the insert.
    await insertRows(manager, ContentCheck, await this.checksOf(manager, written));
  }

  /**
   * The check rows `record` writes, for a writer that inserts them with others' (a group of
   * submissions); marks the media as checked or not and queues them, inside the writer's transaction.
   */
  async checksOf(manager: EntityManager, written: WrittenContent): Promise<ContentCheck[]> {
    const now = this.deps.clock();
    const checking = Boolean(this.deps.contentSecurity);
    const base = {
      citizenId: written.citizen.id,
      reportId: written.report?.id ?? null,
      regionCode: written.report?.villageCode ?? written.citizen.villageCode ?? null,
      traceId: null,
      attempts: 0,
      moderatedById: null,
      moderatedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const rows: ContentCheck[] = this.outcomes.map((outcome) => {
      const subject = subjectOf(outcome.field, written);
      return Object.assign(new ContentCheck(), {
        ...base,
        id: newId(),
        subjectType: subject.type,
        subjectId: subject.id,
        field: outcome.field,
        status: outcome.status,
        label: outcome.label,
        nextAttemptAt: outcome.status === 'queued' ? retryAt(now, 1) : null,
        lastError: outcome.lastError,
        moderation: outcome.held || awaitsPerson(outcome, written) ? ('held' as const) : null,
      });
    });
    for (const attachment of written.attachments) {
      const id = newId();
      rows.push(
        Object.assign(new ContentCheck(), {
          ...base,
          id,
          subjectType: 'attachment' as const,
          subjectId: attachment.id,
          field: attachment.kind,
          status: checking ? ('queued' as const) : ('unchecked' as const),
          label: null,
          nextAttemptAt: checking ? now : null,
          lastError: null,
          // Nothing checks a public report's photos automatically: a person must before the board shows them.
          moderation: !checking && written.report?.public && attachment.kind === 'photo' ? ('held' as const) : null,
        }),
      );
      if (checking) this.queuedMedia.push(id);
      attachment.checkStatus = checking ? 'pending' : 'unchecked';
      await manager.getRepository(Attachment).update({ id: attachment.id }, { checkStatus: attachment.checkStatus });
    }
    return rows;
  }

  /**
   * Sends the media checks `record` queued, once the transaction has committed (WeChat fetches
   * the files at once); whatever fails stays queued for the scheduler. Never throws.
   */
  async sendQueuedMedia(): Promise<void> {
    try {
      await attemptChecks(this.deps, this.queuedMedia, this.deps.clock());
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'media checks left for the scheduler');
    }
  }
}

async function checkOne(
  deps: AppDeps,
  citizen: Citizen,
  text: TextToCheck & { content: string },
): Promise<TextOutcome> {
  const client = deps.contentSecurity;
  if (!client) return { field: text.field, status: 'unchecked', label: null, lastError: null, held: false };
  try {
    const scene: SecurityScene = sceneOf(text.field);
    const verdict = await client.checkText({ openid: citizen.openid, scene, content: text.content });
    return {
      field: text.field,
      status: verdict.suggest,
      label: verdict.label,
      lastError: null,
      held: verdict.suggest !== 'pass',
    };
  } catch (error) {
    const message = (error as Error).message.slice(0, 255);
    // WeChat will never check this one (e.g. 61010: the openid has not used the app lately): a person must.
    if (isPermanentWechatError(error))
      return { field: text.field, status: 'unchecked', label: null, lastError: message, held: true };
    deps.logger.warn({ err: error, field: text.field }, 'msg_sec_check unavailable: text stored, check queued');
    return { field: text.field, status: 'queued', label: null, lastError: message, held: false };
  }
}
