import { TIER_NAMES, type Tier } from '@minqing/shared';
import { localDateOf, localTimeOf } from '../deadlines/workingCalendar';

/**
 * What messages say. Citizens read plain, polite Chinese (您, no 工单/派单/时限 jargon, UX.md);
 * staff read the serial number and the deadline they are held to.
 */
export interface MessageText {
  title: string;
  body: string;
}

const BODY_MAX = 500;

/** 11月25日, in Beijing time. */
function monthDay(instant: Date): string {
  const [, month, day] = localDateOf(instant).split('-');
  return `${Number(month)}月${Number(day)}日`;
}

/** 11月25日 18:00, in Beijing time. */
function monthDayTime(instant: Date): string {
  return `${monthDay(instant)} ${localTimeOf(instant)}`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A staff note quoted inside a sentence: without its final full stop, and short. */
function quoted(note: string): string {
  return clip(note.trim().replace(/[。.！!]+$/, ''), 200);
}

const bounded = (text: MessageText): MessageText => ({ title: text.title, body: clip(text.body, BODY_MAX) });

const dueClause = (resolveDueAt: Date | null) => (resolveDueAt ? `，预计 ${monthDay(resolveDueAt)} 前办结` : '');

/** What a citizen recognises a report by in a message. */
export interface ReportReference {
  serialNo: string;
  text: string | null;
  transcript: string | null;
}

const EXCERPT_MAX = 20;

/**
 * 您反映的「村口电线杆倾斜」（编号 HY20261123-0001）: two reports resolved the same day give two
 * messages that say which is which.
 */
function whichReport(report: ReportReference): string {
  const words = (report.text || report.transcript || '').replace(/\s+/g, ' ').trim();
  const excerpt = words ? `「${clip(words, EXCERPT_MAX)}」` : '问题';
  return `您反映的${excerpt}（编号 ${report.serialNo}）`;
}

export const citizenTexts = {
  signed: (report: ReportReference, department: string, resolveDueAt: Date | null): MessageText =>
    bounded({
      title: '您反映的问题已受理',
      body: `${whichReport(report)}已由${department}受理${dueClause(resolveDueAt)}。`,
    }),
  extended: (report: ReportReference, department: string, resolveDueAt: Date | null): MessageText =>
    bounded({
      title: '办理时间延长',
      body: `${whichReport(report)}正由${department}办理，因情况需要，办理时间适当延长${dueClause(resolveDueAt)}。感谢您的耐心等待。`,
    }),
  resolved: (report: ReportReference, department: string): MessageText =>
    bounded({
      title: '已办结，请评价',
      body: `${whichReport(report)}已由${department}办结。请查看办理结果，并对办理情况作出评价。`,
    }),
  rejected: (report: ReportReference, reason: string | null): MessageText =>
    bounded({
      title: '您反映的问题未受理',
      body: `很抱歉，${whichReport(report)}未能受理${reason ? `，原因：${quoted(reason)}` : ''}。如有疑问，欢迎您再次反映。`,
    }),
  autoClosed: (report: ReportReference, days: number): MessageText =>
    bounded({
      title: '已办结',
      body: `${whichReport(report)}已办结 ${days} 天，您尚未评价，已自动结束。如对办理结果不满意，您仍可评价或申请重新办理。`,
    }),
};

/**
 * 我也遇到: what a villager who follows someone else's report is told. It names the report by its
 * public text only (the one that passed content security), never the reporter's voice transcript;
 * rating is the reporter's alone, so they are not asked to rate.
 */
function followedReport(report: ReportReference): string {
  const words = (report.text ?? '').replace(/\s+/g, ' ').trim();
  return `您关注的${words ? `「${clip(words, EXCERPT_MAX)}」` : '问题'}（编号 ${report.serialNo}）`;
}

export const followerTexts = {
  signed: (report: ReportReference, department: string, resolveDueAt: Date | null): MessageText =>
    bounded({
      title: '您关注的问题已受理',
      body: `${followedReport(report)}已由${department}受理${dueClause(resolveDueAt)}。`,
    }),
  extended: (report: ReportReference, department: string, resolveDueAt: Date | null): MessageText =>
    bounded({
      title: '办理时间延长',
      body: `${followedReport(report)}正由${department}办理，办理时间适当延长${dueClause(resolveDueAt)}。`,
    }),
  resolved: (report: ReportReference, department: string): MessageText =>
    bounded({
      title: '您关注的问题已办结',
      body: `${followedReport(report)}已由${department}办结，可在“我关注的”中查看办理结果。`,
    }),
};

export type DeadlineKind = 'response' | 'resolve';
const DEADLINE_VERBS: Record<DeadlineKind, string> = { response: '签收', resolve: '办结' };

export const staffTexts = {
  reminder: (serialNo: string, deadline: DeadlineKind, dueAt: Date): MessageText =>
    bounded({
      title: `催办：${serialNo}`,
      body: `事项 ${serialNo} 将于 ${monthDayTime(dueAt)} 到达${DEADLINE_VERBS[deadline]}时限，请尽快${DEADLINE_VERBS[deadline]}。`,
    }),
  overdue: (serialNo: string, department: string, deadline: DeadlineKind, tier: Tier): MessageText =>
    bounded({
      title: `督办：${serialNo}`,
      body: `事项 ${serialNo}（${department}）已超过${DEADLINE_VERBS[deadline]}时限，已升为${TIER_NAMES[tier]}事项，请督促办理。`,
    }),
  fieldFollowUp: (serialNo: string, department: string, note: string | null): MessageText =>
    bounded({
      title: '部门已办结，请告知群众',
      body: `事项 ${serialNo} 已由${department}办结${note ? `：${quoted(note)}` : ''}。请向群众当面告知办理结果。`,
    }),
  escalated: (serialNo: string, department: string, tier: Tier, note: string | null): MessageText =>
    bounded({
      title: `督办：${serialNo}`,
      body: `事项 ${serialNo}（${department}）已被督办，升为${TIER_NAMES[tier]}事项${note ? `：${quoted(note)}` : ''}。请督促办理。`,
    }),
};
