/** Limits enforced by the server and shown by the clients. */
export const LIMITS = {
  reportTextMax: 2000,
  reportPhotosMax: 9,
  voiceSecondsDefault: 60,
  voiceSecondsMax: 120,
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
/** WeChat records mp3/aac/m4a; browsers (the H5 build) record WebM or Ogg with Opus. */
export const VOICE_TYPES = ['audio/mpeg', 'audio/aac', 'audio/mp4', 'audio/wav', 'audio/webm', 'audio/ogg'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export type VoiceType = (typeof VOICE_TYPES)[number];
