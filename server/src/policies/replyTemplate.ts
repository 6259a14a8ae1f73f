import type { StaffRole } from '@minqing/shared';
import type { ReplyTemplate, Staff } from '../db/entities';
import { ancestorsOf, isWithin } from './scope';

/** Dispatchers and the county write the templates of their region; everyone who works a report uses them. */
export const TEMPLATE_EDITOR_ROLES: readonly StaffRole[] = ['dispatcher', 'county'];

export function staffCanEditTemplate(staff: Staff, template: Pick<ReplyTemplate, 'regionCode'>): boolean {
  return TEMPLATE_EDITOR_ROLES.includes(staff.role) && isWithin(template.regionCode, staff.regionCode);
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
