/** Limits enforced by the server and shown by the clients. */
export const LIMITS = {
  reportTextMax: 2000,
  reportPhotosMax: 9,
  voiceSecondsDefault: 60,
  /** Tencent ASR 一句话识别 hears at most 60 s: a longer clip could not be transcribed. */
  voiceSecondsMax: 60,
  /** A voice clip whose base64 fits 一句话识别's 3 MB (3 000 000 characters); 60 s of 16 kHz mono WAV is 1.92 MB. */
  voiceBytesMax: 2_250_000,
  transcriptMax: 2000,
  uploadBytesMax: 10 * 1024 * 1024,
  noteMax: 1000,
  ratingCommentMax: 500,
  /** 代报: the household member's name as the filer writes it. */
  onBehalfNameMax: 50,
  supplementMax: 1000,
  noticeTitleMax: 100,
  noticeBodyMax: 20000,
  pageSizeMax: 100,
  pageSizeDefault: 20,
  extensionDaysMax: 30,
  staffLoginMaxFailures: 5,
  staffLockMinutes: 15,
  staffTokenHours: 8,
  citizenTokenDays: 30,
} as const;

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/**
 * WeChat records mp3/aac/m4a; the H5 build records 16 kHz mono PCM WAV (older H5 clips are WebM or Ogg with Opus;
 * WebM is kept and played but cannot be transcribed on the server).
 */
export const VOICE_TYPES = ['audio/mpeg', 'audio/aac', 'audio/mp4', 'audio/wav', 'audio/webm', 'audio/ogg'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export type VoiceType = (typeof VOICE_TYPES)[number];
