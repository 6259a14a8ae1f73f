import type { Attachment, Citizen, Report, Staff } from '../db/entities';
import { citizenCanView, staffCanView } from './report';

/** The signed-in person asking for an attachment: either kind of account may upload and read. */
export type AttachmentUser = { type: 'citizen'; citizen: Citizen } | { type: 'staff'; staff: Staff };

export function isUploader(user: AttachmentUser, attachment: Attachment): boolean {
  const id = user.type === 'citizen' ? user.citizen.id : user.staff.id;
  return attachment.ownerType === user.type && attachment.ownerId === id;
}

/**
 * The uploader may always read their own file. Once the file belongs to a report, whoever may
 * see that report may see its media: the reporting citizen and staff whose scope covers it.
 * `report` is the report named by `attachment.reportId`, loaded by the caller (null if none).
 */
export function canReadAttachment(user: AttachmentUser, attachment: Attachment, report: Report | null, inPublishedNotice = false): boolean {
  // WeChat content security (checkStatus, citizen media only): risky or rejected media are for
  // staff alone; until media pass, no citizen but the uploader sees them.
  if (user.type === 'citizen' && attachment.checkStatus === 'risky') return false;
  if (isUploader(user, attachment)) return true;
  if (user.type === 'citizen' && attachment.checkStatus && attachment.checkStatus !== 'pass') return false;
  // A published notice is public to everyone signed in, and so are its images.
  if (inPublishedNotice && attachment.ownerType === 'staff' && attachment.kind === 'photo') return true;
  if (!report || attachment.reportId !== report.id) return false;
  return user.type === 'citizen' ? citizenCanView(user.citizen, report) : staffCanView(user.staff, report);
}
