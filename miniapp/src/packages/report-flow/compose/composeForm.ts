/**
 * The compose form as data: what the citizen has given, the checks before saving (in the shared
 * schema's own words), and the conversion to and from a draft of the draft queue.
 */
import {
  ANONYMOUS_SERVICES,
  SubmitReportRequestSchema,
  type Location,
  type ServiceCode,
  type SubmitReportRequest,
} from '@minqing/shared';
import type { DraftInput, ReportDraft } from '../../../services/draftTypes';

export interface VoiceValue {
  localPath: string;
  durationSeconds: number;
  transcript?: string;
}

export interface ComposeForm {
  serviceCode: ServiceCode;
  villageCode: string | null;
  text: string;
  voice: VoiceValue | null;
  /** Local paths, in order. */
  photos: string[];
  location: Location | null;
  categoryCode: string | null;
  /** 代表工作: the deputy chosen, or null (the message goes to the area's deputies). */
  deputyId: string | null;
  anonymous: boolean;
  /** 民情直通: shown on the village board (本村动态) without name or phone; on unless switched off. */
  public: boolean;
  /** A number typed for this report; null: the bound phone, if any, is the contact. */
  contactPhone: string | null;
}

export type ComposeField =
  | 'voice'
  | 'text'
  | 'photos'
  | 'location'
  | 'villageCode'
  | 'contactPhone'
  | 'anonymous'
  | 'deputyId'
  | 'categoryCode'
  | 'form';
export type FieldErrors = Partial<Record<ComposeField, string>>;

/** Top to bottom on the page: the first one with a message is where the page scrolls. */
export const FIELD_ORDER: readonly ComposeField[] = [
  'voice',
  'text',
  'photos',
  'location',
  'villageCode',
  'contactPhone',
  'anonymous',
  'deputyId',
  'categoryCode',
  'form',
];

export const NEED_VILLAGE_MESSAGE = '请选择问题所在的村（社区）';
export const NEED_CONTENT_MESSAGE = '请说一段话、写几句话或拍一张照片';

export function emptyForm(
  serviceCode: ServiceCode,
  villageCode: string | null = null,
  contactPhone: string | null = null,
): ComposeForm {
  return {
    serviceCode,
    villageCode,
    text: '',
    voice: null,
    photos: [],
    location: null,
    categoryCode: null,
    deputyId: null,
    anonymous: false,
    public: true,
    contactPhone,
  };
}

/** Only 民情直通 is ever public: the choice is sent when it is switched off. */
function publicOf(form: ComposeForm): { public?: false } {
  return form.serviceCode === 'direct' && !form.public ? { public: false } : {};
}

/** The number typed for staff to call: never with an anonymous report, which does not name its reporter. */
function contactOf(form: ComposeForm): { contactPhone?: string } {
  const phone = form.contactPhone?.trim();
  return phone && !form.anonymous ? { contactPhone: phone } : {};
}

export const allowsAnonymous = (serviceCode: ServiceCode): boolean => ANONYMOUS_SERVICES.includes(serviceCode);

/** Something worth keeping has been given (then the form is saved as a draft). */
export function hasContent(form: ComposeForm): boolean {
  return form.text.trim() !== '' || form.voice !== null || form.photos.length > 0;
}

/** Server and schema field names → where the message shows on the page. */
export function fieldOf(name: string | undefined): ComposeField {
  switch (name) {
    case 'text':
      return 'text';
    case 'voice':
    case 'transcript':
      return 'voice';
    case 'photoUploadIds':
    case 'photos':
    case 'file':
      return 'photos';
    case 'location':
      return 'location';
    case 'villageCode':
      return 'villageCode';
    case 'contactPhone':
      return 'contactPhone';
    case 'anonymous':
      return 'anonymous';
    case 'categoryCode':
      return 'categoryCode';
    case 'deputyId':
      return 'deputyId';
    default:
      return 'form';
  }
}

/** Valid-looking upload ids, only to check the rest of the form before anything is uploaded. */
const placeholderId = (index: number): string => String(index + 1).padStart(26, '0');

/** The request the form would make (files stand in by placeholder ids). */
export function requestOf(form: ComposeForm): SubmitReportRequest {
  const text = form.text.trim();
  const transcript = form.voice?.transcript?.trim();
  return {
    serviceCode: form.serviceCode,
    villageCode: form.villageCode ?? '',
    ...(text ? { text } : {}),
    ...(form.voice ? { voice: { uploadId: placeholderId(99), ...(transcript ? { transcript } : {}) } } : {}),
    ...(form.photos.length > 0 ? { photoUploadIds: form.photos.map((_path, index) => placeholderId(index)) } : {}),
    ...(form.location ? { location: form.location } : {}),
    ...(form.categoryCode ? { categoryCode: form.categoryCode } : {}),
    ...(form.deputyId && form.serviceCode === 'deputy' ? { deputyId: form.deputyId } : {}),
    ...(form.anonymous ? { anonymous: true } : {}),
    ...publicOf(form),
    ...contactOf(form),
  };
}

/** Every problem with the form, by field; empty when it can be sent. */
export function validateCompose(form: ComposeForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.villageCode) errors.villageCode = NEED_VILLAGE_MESSAGE;
  const parsed = SubmitReportRequestSchema.safeParse(requestOf(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path.length > 0 ? String(issue.path[0]) : undefined);
      if (field === 'villageCode' && errors.villageCode) continue;
      // "Say, write or photograph something" belongs to the voice button, the first way to give it.
      const target: ComposeField = issue.message === NEED_CONTENT_MESSAGE ? 'voice' : field;
      if (!errors[target]) errors[target] = issue.message;
    }
  }
  return errors;
}

/** The first field with a message, top to bottom. */
export function firstError(errors: FieldErrors): { field: ComposeField; message: string } | null {
  for (const field of FIELD_ORDER) {
    const message = errors[field];
    if (message) return { field, message };
  }
  return null;
}

export function draftInputOf(form: ComposeForm): DraftInput {
  const text = form.text.trim();
  return {
    serviceCode: form.serviceCode,
    villageCode: form.villageCode ?? '',
    ...(text ? { text } : {}),
    ...(form.voice ? { voice: { ...form.voice } } : {}),
    photos: [...form.photos],
    ...(form.location ? { location: form.location } : {}),
    ...(form.categoryCode ? { categoryCode: form.categoryCode } : {}),
    ...(form.deputyId && form.serviceCode === 'deputy' ? { deputyId: form.deputyId } : {}),
    ...(form.anonymous ? { anonymous: true } : {}),
    ...publicOf(form),
    ...contactOf(form),
  };
}

/**
 * H5 keeps chosen files as blob: URLs, which die when the page reloads. A restored form keeps only
 * the files that can still be read; `lost` says how many were dropped.
 */
export async function withoutLostFiles(
  form: ComposeForm,
  readable: (path: string) => Promise<boolean>,
): Promise<{ form: ComposeForm; lost: number }> {
  const isAlive = async (path: string) => !path.startsWith('blob:') || (await readable(path));
  const photos: string[] = [];
  for (const path of form.photos) if (await isAlive(path)) photos.push(path);
  const voice = form.voice && (await isAlive(form.voice.localPath)) ? form.voice : null;
  const lost = form.photos.length - photos.length + (form.voice && !voice ? 1 : 0);
  return { form: lost > 0 ? { ...form, photos, voice } : form, lost };
}

/** A saved draft back on the form (its files from where the draft keeps them). */
export function formOfDraft(draft: ReportDraft): ComposeForm {
  return {
    serviceCode: draft.serviceCode,
    villageCode: draft.villageCode || null,
    text: draft.text ?? '',
    voice: draft.voice
      ? {
          localPath: draft.voice.localPath,
          durationSeconds: draft.voice.durationSeconds,
          ...(draft.voice.transcript ? { transcript: draft.voice.transcript } : {}),
        }
      : null,
    photos: draft.photos.map((photo) => photo.localPath),
    location: draft.location ?? null,
    categoryCode: draft.categoryCode ?? null,
    deputyId: draft.deputyId ?? null,
    anonymous: Boolean(draft.anonymous),
    public: draft.public !== false,
    contactPhone: draft.contactPhone ?? null,
  };
}
