import { SUBSCRIBE_TOPICS, type SubscribeTopic } from '@minqing/shared';
import { localDateOf, localTimeOf } from '../../deadlines/workingCalendar';
import type { TemplateData } from '../../db/entities/push';

/**
 * Subscribe-message templates are chosen by the operator in the WeChat console, each with its
 * own keywords (thing1, character_string2, time3 …). Configuration names the template id per
 * topic and, optionally, which of our values goes into which keyword.
 */
export const TOPIC_VALUES = {
  report_signed: ['serialNo', 'title', 'department', 'time', 'dueDate', 'status'],
  report_resolved: ['serialNo', 'title', 'department', 'time', 'status', 'tip'],
  notice: ['title', 'region', 'category', 'time'],
  article: ['title', 'category', 'summary', 'time'],
} as const satisfies Record<SubscribeTopic, readonly string[]>;

export type TopicValueName<T extends SubscribeTopic> = (typeof TOPIC_VALUES)[T][number];
/** What a message says, by value name; times are formatted for the keyword's type. */
export type TopicValues<T extends SubscribeTopic> = Record<TopicValueName<T>, string | Date>;

/** Used when WECHAT_TEMPLATE_<TOPIC>_FIELDS is not set: keyword=value pairs. */
export const DEFAULT_FIELDS: Record<SubscribeTopic, string> = {
  report_signed: 'character_string1=serialNo,thing2=department,time3=time,phrase4=status',
  report_resolved: 'character_string1=serialNo,thing2=department,time3=time,thing4=tip',
  notice: 'thing1=title,thing2=region,time3=time',
  article: 'thing1=title,thing2=category,time3=time',
};

export interface TemplateConfig {
  templateId: string;
  /** Keyword (thing1 …) → value name. */
  fields: Record<string, string>;
}

export type SubscribeTemplates = Partial<Record<SubscribeTopic, TemplateConfig>>;

const ENV_NAME: Record<SubscribeTopic, string> = {
  report_signed: 'WECHAT_TEMPLATE_REPORT_SIGNED',
  report_resolved: 'WECHAT_TEMPLATE_REPORT_RESOLVED',
  notice: 'WECHAT_TEMPLATE_NOTICE',
  article: 'WECHAT_TEMPLATE_ARTICLE',
};

/** The keyword's type is its name without the trailing number: thing2 → thing. */
const keywordType = (keyword: string) => keyword.replace(/\d+$/, '');
/** WeChat's length limits per keyword type (characters). */
const MAX_LENGTH: Record<string, number> = {
  thing: 20,
  character_string: 32,
  phrase: 5,
  name: 10,
  symbol: 5,
  letter: 32,
  number: 32,
  amount: 32,
};
const KNOWN_TYPES = [...Object.keys(MAX_LENGTH), 'time', 'date'];

export class TemplateConfigError extends Error {}

function parseFields(topic: SubscribeTopic, raw: string, envName: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const pair of raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [keyword, value] = pair.split('=').map((part) => part.trim());
    if (!keyword || !value || !KNOWN_TYPES.includes(keywordType(keyword)))
      throw new TemplateConfigError(
        `${envName}_FIELDS: "${pair}" is not keyword=value with a WeChat keyword such as thing1`,
      );
    if (!(TOPIC_VALUES[topic] as readonly string[]).includes(value))
      throw new TemplateConfigError(`${envName}_FIELDS: ${value} is not one of ${TOPIC_VALUES[topic].join(', ')}`);
    fields[keyword] = value;
  }
  if (Object.keys(fields).length === 0) throw new TemplateConfigError(`${envName}_FIELDS is empty`);
  return fields;
}

/** WECHAT_TEMPLATE_<TOPIC> (template id) and optional WECHAT_TEMPLATE_<TOPIC>_FIELDS. */
export function subscribeTemplatesFrom(env: Record<string, string | undefined>): SubscribeTemplates {
  const templates: SubscribeTemplates = {};
  for (const topic of SUBSCRIBE_TOPICS) {
    const name = ENV_NAME[topic];
    const templateId = env[name]?.trim();
    if (!templateId) continue;
    if (!/^[\w-]{1,64}$/.test(templateId))
      throw new TemplateConfigError(`${name} must be a template id from the WeChat console`);
    templates[topic] = { templateId, fields: parseFields(topic, env[`${name}_FIELDS`] || DEFAULT_FIELDS[topic], name) };
  }
  return templates;
}

function formatValue(keyword: string, value: string | Date): string {
  const type = keywordType(keyword);
  if (value instanceof Date)
    return type === 'date' ? localDateOf(value) : `${localDateOf(value)} ${localTimeOf(value)}`;
  const max = MAX_LENGTH[type];
  const text = value.replace(/\s+/g, ' ').trim() || '-';
  if (!max || text.length <= max) return text;
  // Only free text (thing) may carry an ellipsis; the other types allow a restricted alphabet.
  return type === 'thing' ? `${text.slice(0, max - 1)}…` : text.slice(0, max);
}

/** The `data` object of subscribe/send for this template. */
export function templateData<T extends SubscribeTopic>(template: TemplateConfig, values: TopicValues<T>): TemplateData {
  const data: TemplateData = {};
  for (const [keyword, name] of Object.entries(template.fields)) {
    data[keyword] = { value: formatValue(keyword, (values as Record<string, string | Date>)[name] ?? '-') };
  }
  return data;
}
