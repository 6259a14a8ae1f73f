import type { ReplyTemplate as ReplyTemplateDto } from '@minqing/shared';
import type { ReplyTemplate, Staff } from '../db/entities';
import type { ReferenceSnapshot } from '../db/referenceData';
import { replyTemplateAllowedActions } from '../policies/replyTemplate';

/** A template as `staff` sees it, with what they may do with it. */
export function presentReplyTemplate(
  template: ReplyTemplate,
  lookups: Pick<ReferenceSnapshot, 'categories' | 'regions'>,
  staff: Staff,
): ReplyTemplateDto {
  return {
    id: template.id,
    title: template.title,
    body: template.body,
    categoryCode: template.categoryCode,
    categoryName: template.categoryCode
      ? (lookups.categories.get(template.categoryCode)?.name ?? template.categoryCode)
      : null,
    regionCode: template.regionCode,
    regionName: lookups.regions.get(template.regionCode)?.name ?? template.regionCode,
    enabled: template.enabled,
    allowedActions: replyTemplateAllowedActions(staff, template),
    updatedAt: template.updatedAt.toISOString(),
  };
}
