import { REPLY_TEMPLATE_ACTIONS, type ReplyTemplateAction, type StaffRole } from '@minqing/shared';
import type { ReplyTemplate, Staff } from '../db/entities';
import { ancestorsOf, isWithin } from './scope';

/** Dispatchers and the county write the templates of their region; everyone who works a report uses them. */
export const TEMPLATE_EDITOR_ROLES: readonly StaffRole[] = ['dispatcher', 'county'];

/**
 * Why this staff member may not change or delete the template (one rule for both), or null when
 * they may: an editor changes the templates of their own region and below; those of a wider
 * region, and every template for someone who only uses them, are read-only.
 */
export function replyTemplateRefusal(
  staff: Staff,
  template: Pick<ReplyTemplate, 'regionCode'>,
): { status: 403; message: string } | null {
  return TEMPLATE_EDITOR_ROLES.includes(staff.role) && isWithin(template.regionCode, staff.regionCode)
    ? null
    : { status: 403, message: '只能修改本辖区的答复模板' };
}

/** What the staff member may do with the template: both actions unless `replyTemplateRefusal` refuses. */
export function replyTemplateAllowedActions(
  staff: Staff,
  template: Pick<ReplyTemplate, 'regionCode'>,
): ReplyTemplateAction[] {
  return replyTemplateRefusal(staff, template) ? [] : [...REPLY_TEMPLATE_ACTIONS];
}

/** The regions whose templates reach a place: itself and every region above it. */
export function templateRegionsFor(regionCode: string): string[] {
  return ancestorsOf(regionCode);
}

/**
 * The categories whose templates a report is offered: its own only (besides 通用). A template
 * written for 供电 speaks of what 供电 reports say — a 停电 answer does not fit a leaning pole.
 */
export function templateCategoriesFor(categoryCode: string | null): string[] {
  return categoryCode ? [categoryCode] : [];
}

/** Most specific first: the report's own category before its parent before 通用, then the nearest region. */
export function compareForReport(categoryCodes: string[]) {
  const rank = (template: ReplyTemplate) =>
    template.categoryCode === null ? categoryCodes.length : categoryCodes.indexOf(template.categoryCode);
  return (a: ReplyTemplate, b: ReplyTemplate) =>
    rank(a) - rank(b) || b.regionCode.length - a.regionCode.length || a.title.localeCompare(b.title, 'zh-CN');
}
