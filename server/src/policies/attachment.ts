import type { Attachment, Citizen, Report, Staff } from '../db/entities';
import { citizenCanView, staffCanView } from './report';

/** The signed-in person asking for an attachment: either kind of account may upload and read. */
export type AttachmentUser = { type: 'citizen'; citizen: Citizen } | { type: 'staff'; staff: Staff };

export function isUploader(user: AttachmentUser, attachment: Attachment): boolean {
  const id = user.type === 'citizen' ? user.citizen.id : user.staff.id;
  return attachment.ownerType === user.type && attachment.ownerId === id;
}

/** What the caller loaded about where an attachment is used. */
export interface AttachmentPlace {
  /** The report named by `attachment.reportId` (null if none). */
  report: Report | null;
  /** The file is an image of a published notice. */
  inPublishedNotice?: boolean;
  /** The file waits in this staff member's 内容审核 queue (policies/moderation). */
  heldForTheirReview?: boolean;
}

/**
 * The uploader may always read their own file. Once the file belongs to a report, it follows the
 * report's rule (policies/reportScope): the reporting citizen and staff who may see the report;
 * so a sysadmin, who sees no report, sees none of its media, except what waits for their review
 * as a moderator, as they see held text.
 */
export function canReadAttachment(user: AttachmentUser, attachment: Attachment, place: AttachmentPlace): boolean {
  const { report, inPublishedNotice = false, heldForTheirReview = false } = place;
  // WeChat content security (checkStatus, citizen media only): risky or rejected media are for
  // staff alone; until media pass, no citizen but the uploader sees them.
  if (user.type === 'citizen' && attachment.checkStatus === 'risky') return false;
  if (isUploader(user, attachment)) return true;
  if (user.type === 'citizen' && attachment.checkStatus && attachment.checkStatus !== 'pass') return false;
  // A published notice is public to everyone signed in, and so are its images.
  if (inPublishedNotice && attachment.ownerType === 'staff' && attachment.kind === 'photo') return true;
  if (user.type === 'staff' && heldForTheirReview) return true;
  if (!report || attachment.reportId !== report.id) return false;
  return user.type === 'citizen' ? citizenCanView(user.citizen, report) : staffCanView(user.staff, report);
}
