import sharp from 'sharp';
import { LIMITS, type VoiceType } from '@minqing/shared';
import type { AppDeps } from '../context';
import { Attachment } from '../db/entities';
import type { OwnerType } from '../db/entities/attachment';
import { newId } from '../db/ids';
import { badRequest, payloadTooLarge, unsupportedMediaType } from '../errors';
import { pcmWavInfo, sniffMedia } from '../storage/mediaSniffer';

/** Large enough to read every detail of a scene, small enough for a village 4G link. */
const PHOTO_LONGEST_SIDE = 2560;
const PHOTO_JPEG_QUALITY = 82;

const EXTENSIONS: Record<VoiceType | 'image/jpeg', string> = {
  'image/jpeg': 'jpg',
  'audio/mpeg': 'mp3',
  'audio/aac': 'aac',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
};

export const UNSUPPORTED_MEDIA_MESSAGE = '只能上传照片（JPG/PNG/WebP）或语音（MP3/AAC/M4A/WAV/WebM/Ogg）';

/** A WAV's header may round its length: a little over the limit is still the recorder's 60 s. */
const VOICE_SECONDS_TOLERANCE = 0.5;

/**
 * A voice clip the server can transcribe (Tencent ASR 一句话识别): at most LIMITS.voiceBytesMax
 * (its base64 within 3 MB) and, for a WAV, whose length the header tells, at most LIMITS.voiceSecondsMax.
 */
function checkVoice(bytes: Buffer, contentType: VoiceType): void {
  if (bytes.length > LIMITS.voiceBytesMax)
    throw payloadTooLarge(`语音不能超过 ${(LIMITS.voiceBytesMax / 1_000_000).toFixed(2).replace(/0+$/, '')}MB`);
  const wav = contentType === 'audio/wav' ? pcmWavInfo(bytes) : null;
  if (wav && wav.seconds > LIMITS.voiceSecondsMax + VOICE_SECONDS_TOLERANCE)
    throw badRequest(`语音不能超过 ${LIMITS.voiceSecondsMax} 秒，请分段录制`, 'file');
}

export interface StoreAttachmentProps {
  ownerType: OwnerType;
  ownerId: string;
  bytes: Buffer;
  /** As the recorder reported it; kept for voice only. */
  durationSeconds?: number;
}

/**
 * Turns the photo upright by its EXIF orientation, then writes a fresh JPEG. Sharp writes no
 * EXIF, XMP or IPTC unless asked, so the GPS position and camera details a phone embeds are
 * gone from what anyone else will ever download.
 */
async function reencodePhoto(bytes: Buffer): Promise<Buffer> {
  try {
    return await sharp(bytes, { autoOrient: true })
      .resize({ width: PHOTO_LONGEST_SIDE, height: PHOTO_LONGEST_SIDE, fit: 'inside', withoutEnlargement: true })
      // JPEG has no transparency; white reads better than the black sharp would otherwise use.
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: PHOTO_JPEG_QUALITY })
      .toBuffer();
  } catch {
    throw badRequest('这张图片已损坏或无法识别，请重新拍摄或换一张照片', 'file');
  }
}

function storageKeyFor(id: string, extension: string, at: Date): string {
  const month = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `attachments/${at.getUTCFullYear()}/${month}/${id}.${extension}`;
}

/**
 * Accepts one uploaded file: decides by its bytes what it is, cleans photos, stores the bytes
 * and records an attachment owned by the uploader and bound to no report yet.
 */
export async function storeAttachment(deps: AppDeps, props: StoreAttachmentProps): Promise<Attachment> {
  const media = sniffMedia(props.bytes);
  if (!media) throw unsupportedMediaType(UNSUPPORTED_MEDIA_MESSAGE);

  const isPhoto = media.kind === 'photo';
  if (media.kind === 'voice') checkVoice(props.bytes, media.contentType);
  const bytes = isPhoto ? await reencodePhoto(props.bytes) : props.bytes;
  const contentType = isPhoto ? 'image/jpeg' : media.contentType;
  const id = newId();
  const storageKey = storageKeyFor(id, EXTENSIONS[contentType], deps.clock());

  await deps.storage.put(storageKey, bytes, contentType);
  const repository = deps.dataSource.getRepository(Attachment);
  try {
    return await repository.save(
      repository.create({
        id,
        ownerType: props.ownerType,
        ownerId: props.ownerId,
        reportId: null,
        eventId: null,
        kind: media.kind,
        contentType,
        size: bytes.length,
        durationSeconds: isPhoto ? null : (props.durationSeconds ?? null),
        storageKey,
      }),
    );
  } catch (error) {
    // A file without its row could never be read or cleaned up: take it back out.
    await deps.storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
}
