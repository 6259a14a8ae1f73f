import type { EntityManager } from 'typeorm';
import {
  SUBSCRIBE_TOPICS,
  type FollowTopic,
  type PushSettings,
  type SubscribeAnswer,
  type SubscribeTopic,
} from '@minqing/shared';
import type { AppDeps } from '../context';
import { transaction } from '../db/dataSource';
import { PushFollow, PushSubscription } from '../db/entities';
import { isUniqueViolation } from '../db/uniqueViolation';
import { badRequest } from '../errors';

/** Template id per topic as the mini-program should request them; null: not configured. */
function templateIds(deps: AppDeps): Record<SubscribeTopic, string | null> {
  const templates = deps.config.push?.templates ?? {};
  return Object.fromEntries(SUBSCRIBE_TOPICS.map((topic) => [topic, templates[topic]?.templateId ?? null])) as Record<
    SubscribeTopic,
    string | null
  >;
}

export async function pushSettingsOf(deps: AppDeps, citizenId: string): Promise<PushSettings> {
  const [subscriptions, follows] = await Promise.all([
    deps.dataSource.getRepository(PushSubscription).find({ where: { citizenId }, order: { topic: 'ASC' } }),
    deps.dataSource.getRepository(PushFollow).find({ where: { citizenId }, order: { topic: 'ASC' } }),
  ]);
  return {
    templates: templateIds(deps),
    subscriptions: subscriptions.map((row) => ({ topic: row.topic, answer: row.answer, remaining: row.remaining })),
    follows: follows.map((row) => row.topic),
  };
}

/**
 * One answer for one topic. `accept` adds one message we may send; `ban` (the user switched the
 * template off) leaves none; `reject`/`filter` change nothing already granted. A count belongs to
 * its template: when the operator configured another one, the old count no longer applies.
 * The arithmetic happens in SQL so two answers arriving together both count.
 */
async function recordAnswer(
  manager: EntityManager,
  props: { citizenId: string; topic: SubscribeTopic; templateId: string; answer: SubscribeAnswer; at: Date },
) {
  const add = props.answer === 'accept' ? 1 : 0;
  const key = { citizenId: props.citizenId, topic: props.topic };
  const update = async () => {
    // Two statements: MySQL evaluates SET left to right, so one could not compare the old template id.
    await manager
      .createQueryBuilder()
      .update(PushSubscription)
      .set({ templateId: props.templateId, remaining: 0 })
      .where('citizenId = :citizenId AND topic = :topic AND templateId <> :templateId', {
        ...key,
        templateId: props.templateId,
      })
      .execute();
    return manager
      .createQueryBuilder()
      .update(PushSubscription)
      .set({
        answer: props.answer,
        updatedAt: props.at,
        remaining: () => (props.answer === 'ban' ? '0' : `remaining + ${add}`),
      })
      .where('citizenId = :citizenId AND topic = :topic', key)
      .execute();
  };
  if ((await update()).affected) return;
  try {
    await manager.getRepository(PushSubscription).insert({
      citizenId: props.citizenId,
      topic: props.topic,
      templateId: props.templateId,
      answer: props.answer,
      remaining: add,
      updatedAt: props.at,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await update();
  }
}

/** Records what `wx.requestSubscribeMessage` answered, template id by template id. */
export async function recordSubscribeAnswers(
  deps: AppDeps,
  props: { citizenId: string; answers: Record<string, SubscribeAnswer> },
): Promise<PushSettings> {
  const topicOf = new Map(
    Object.entries(templateIds(deps)).flatMap(([topic, id]) => (id ? [[id, topic as SubscribeTopic] as const] : [])),
  );
  for (const templateId of Object.keys(props.answers)) {
    if (!topicOf.has(templateId)) throw badRequest('没有这个消息模板', 'answers');
  }
  const at = deps.clock();
  for (const [templateId, answer] of Object.entries(props.answers)) {
    await transaction(deps.dataSource, (manager) =>
      recordAnswer(manager, { citizenId: props.citizenId, topic: topicOf.get(templateId)!, templateId, answer, at }),
    );
  }
  return pushSettingsOf(deps, props.citizenId);
}

/** Replaces what the citizen follows with `topics`. */
export async function replaceFollows(
  deps: AppDeps,
  props: { citizenId: string; topics: FollowTopic[] },
): Promise<PushSettings> {
  const wanted = [...new Set(props.topics)];
  const at = deps.clock();
  await transaction(deps.dataSource, async (manager) => {
    const repository = manager.getRepository(PushFollow);
    const current = (await repository.findBy({ citizenId: props.citizenId })).map((row) => row.topic);
    const dropped = current.filter((topic) => !wanted.includes(topic));
    const added = wanted.filter((topic) => !current.includes(topic));
    for (const topic of dropped) await repository.delete({ citizenId: props.citizenId, topic });
    if (added.length > 0)
      await repository.insert(added.map((topic) => ({ citizenId: props.citizenId, topic, createdAt: at })));
  });
  return pushSettingsOf(deps, props.citizenId);
}
