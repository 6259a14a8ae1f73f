import type { EntityManager } from 'typeorm';
import { In, MoreThan } from 'typeorm';
import {
  ARTICLE_CATEGORY_NAMES,
  NOTICE_CATEGORY_NAMES,
  type FollowTopic,
  type SubscribeTopic,
  subtreePattern,
} from '@minqing/shared';
import {
  type Article,
  Citizen,
  Message,
  type Notice,
  PushFollow,
  PushOutboxMessage,
  PushSubscription,
  Region,
  type Report,
} from '../db/entities';
import { newId } from '../db/ids';
import type { TopicValueName } from '../integrations/wechat/subscribeTemplates';

/**
 * Subscribe messages (订阅消息) beside the in-app ones: queued in the outbox in the caller's
 * transaction, for citizens holding a one-time subscription for the topic, and sent later by the
 * scheduler (jobs/pushOutbox.ts). Nothing is queued without a subscription left — WeChat would
 * only answer 43101.
 */

/** Mini-program pages a message opens (miniapp/src/app.config.ts). */
export const PUSH_PAGES = {
  report: (id: string) => `packages/my-reports/detail/index?id=${id}`,
  rateReport: (id: string) => `packages/my-reports/detail/index?id=${id}&rate=1`,
  notice: (id: string) => `packages/notices/detail/index?id=${id}`,
  article: (id: string) => `packages/articles/detail/index?id=${id}`,
};

/** Inserting tens of thousands of rows at once would exceed statement limits. */
const CHUNK = 500;

type Content<T extends SubscribeTopic> = Record<TopicValueName<T>, string>;

interface QueueProps<T extends SubscribeTopic> {
  topic: T;
  /** Each recipient with the in-app message they received. */
  recipients: { citizenId: string; messageId: string | null }[];
  page: string;
  content: Content<T>;
  at: Date;
}

/** Queues one subscribe message per recipient who has a subscription left for the topic. */
export async function queueSubscribeMessages<T extends SubscribeTopic>(
  manager: EntityManager,
  props: QueueProps<T>,
): Promise<number> {
  let queued = 0;
  for (let start = 0; start < props.recipients.length; start += CHUNK) {
    const chunk = props.recipients.slice(start, start + CHUNK);
    const subscribed = await manager.getRepository(PushSubscription).find({
      select: { citizenId: true },
      where: {
        topic: props.topic,
        citizenId: In(chunk.map((recipient) => recipient.citizenId)),
        remaining: MoreThan(0),
      },
    });
    const ids = new Set(subscribed.map((row) => row.citizenId));
    const rows = chunk
      .filter((recipient) => ids.has(recipient.citizenId))
      .map((recipient) =>
        Object.assign(new PushOutboxMessage(), {
          id: newId(),
          citizenId: recipient.citizenId,
          topic: props.topic,
          page: props.page,
          content: props.content,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: props.at,
          claimedBy: null,
          claimedAt: null,
          lastError: null,
          messageId: recipient.messageId,
          createdAt: props.at,
          sentAt: null,
        }),
      );
    if (rows.length > 0)
      await manager.createQueryBuilder().insert().into(PushOutboxMessage).values(rows).updateEntity(false).execute();
    queued += rows.length;
  }
  return queued;
}

/** A report changed in a way its citizen subscribed to (受理, 办结). */
export async function queueReportPush(
  manager: EntityManager,
  props: { report: Report; topic: 'report_signed' | 'report_resolved'; department: string; at: Date },
): Promise<void> {
  const { report } = props;
  // A 代报 for a household without an account has nobody subscribed; its filer reads the in-app message.
  if (!report.citizenId) return;
  const citizenId = report.citizenId;
  // The citizen's own words, so they recognise which of their reports it is.
  const title = (report.text || report.transcript || '您的语音反映').trim();
  const shared = { serialNo: report.serialNo, title, department: props.department, time: props.at.toISOString() };
  if (props.topic === 'report_signed') {
    const dueDate = report.resolveDueAt ? report.resolveDueAt.toISOString() : '';
    await queueSubscribeMessages(manager, {
      topic: 'report_signed',
      recipients: [{ citizenId, messageId: null }],
      page: PUSH_PAGES.report(report.id),
      content: { ...shared, dueDate, status: '已受理' },
      at: props.at,
    });
    return;
  }
  await queueSubscribeMessages(manager, {
    topic: 'report_resolved',
    recipients: [{ citizenId, messageId: null }],
    page: PUSH_PAGES.rateReport(report.id),
    content: { ...shared, status: '已办结', tip: '请查看办理结果并评价' },
    at: props.at,
  });
}

async function followersOf(manager: EntityManager, topic: FollowTopic, regionCode: string | null): Promise<string[]> {
  const query = manager
    .getRepository(PushFollow)
    .createQueryBuilder('follow')
    .innerJoin(Citizen, 'citizen', 'citizen.id = follow.citizenId')
    .select('follow.citizenId', 'citizenId')
    .where('follow.topic = :topic', { topic });
  // Region codes are hierarchical: a township's notice reaches every village inside it.
  if (regionCode) query.andWhere('citizen.villageCode LIKE :prefix', { prefix: subtreePattern(regionCode) });
  const rows = await query.getRawMany<{ citizenId: string }>();
  return rows.map((row) => row.citizenId);
}

async function writeAnnouncements(
  manager: EntityManager,
  props: {
    citizenIds: string[];
    kind: 'notice_published' | 'article_published';
    title: string;
    body: string;
    noticeId: string | null;
    articleId: string | null;
    at: Date;
  },
): Promise<{ citizenId: string; messageId: string }[]> {
  const written: { citizenId: string; messageId: string }[] = [];
  for (let start = 0; start < props.citizenIds.length; start += CHUNK) {
    const rows = props.citizenIds.slice(start, start + CHUNK).map((citizenId) =>
      Object.assign(new Message(), {
        id: newId(),
        recipientType: 'citizen',
        recipientId: citizenId,
        kind: props.kind,
        title: props.title,
        body: props.body,
        reportId: null,
        noticeId: props.noticeId,
        articleId: props.articleId,
        createdAt: props.at,
        readAt: null,
      }),
    );
    await manager.createQueryBuilder().insert().into(Message).values(rows).updateEntity(false).execute();
    written.push(...rows.map((row) => ({ citizenId: row.recipientId, messageId: row.id })));
  }
  return written;
}

const clipped = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A notice published for the first time: every follower of village notices living inside its region. */
export async function notifyNoticePublished(
  manager: EntityManager,
  props: { notice: Notice; at: Date },
): Promise<number> {
  const { notice } = props;
  const region = await manager.getRepository(Region).findOneBy({ code: notice.regionCode });
  const regionName = region?.name ?? '';
  const categoryName = NOTICE_CATEGORY_NAMES[notice.category];
  const citizenIds = await followersOf(manager, 'village_notices', notice.regionCode);
  const recipients = await writeAnnouncements(manager, {
    citizenIds,
    kind: 'notice_published',
    title: clipped(`${categoryName}：${notice.title}`, 64),
    body: clipped(`${regionName}发布了新的${categoryName}：${notice.title}`, 500),
    noticeId: notice.id,
    articleId: null,
    at: props.at,
  });
  await queueSubscribeMessages(manager, {
    topic: 'notice',
    recipients,
    page: PUSH_PAGES.notice(notice.id),
    content: { title: notice.title, region: regionName, category: categoryName, time: props.at.toISOString() },
    at: props.at,
  });
  return recipients.length;
}

/** An article published for the first time: every follower of its category. */
export async function notifyArticlePublished(
  manager: EntityManager,
  props: { article: Article; at: Date },
): Promise<number> {
  const { article } = props;
  const categoryName = ARTICLE_CATEGORY_NAMES[article.category];
  const citizenIds = await followersOf(manager, `article_${article.category}`, null);
  const recipients = await writeAnnouncements(manager, {
    citizenIds,
    kind: 'article_published',
    title: clipped(`${categoryName}：${article.title}`, 64),
    body: clipped(article.summary || article.title, 500),
    noticeId: null,
    articleId: article.id,
    at: props.at,
  });
  await queueSubscribeMessages(manager, {
    topic: 'article',
    recipients,
    page: PUSH_PAGES.article(article.id),
    content: {
      title: article.title,
      category: categoryName,
      summary: article.summary || article.title,
      time: props.at.toISOString(),
    },
    at: props.at,
  });
  return recipients.length;
}
