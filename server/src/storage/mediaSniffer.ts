import type { PhotoType, VoiceType } from '@minqing/shared';

export type SniffedMedia = { kind: 'photo'; contentType: PhotoType } | { kind: 'voice'; contentType: VoiceType };

/** ISO BMFF major brands that audio recorders (WeChat's included) write into an .m4a file. */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'mp41', 'mp42', 'isom', 'iso2']);

const ascii = (bytes: Buffer, start: number, end: number) => bytes.toString('latin1', start, end);

const isJpeg = (bytes: Buffer) => bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

const isPng = (bytes: Buffer) =>
  bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

const isRiff = (bytes: Buffer, form: 'WEBP' | 'WAVE') =>
  bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === form;

/** WAVE_FORMAT_PCM, and WAVE_FORMAT_EXTENSIBLE (whose sub-format a PCM recorder also sets to PCM). */
const PCM_FORMATS = new Set([0x0001, 0xfffe]);

export interface WavInfo {
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Seconds of audio in the data chunk (as much of it as the file holds). */
  seconds: number;
}

/** A RIFF/WAVE file whose format chunk says PCM samples (what the H5 recorder writes). */
function isPcmWav(bytes: Buffer): boolean {
  if (!isRiff(bytes, 'WAVE')) return false;
  for (let offset = 12; offset + 10 <= bytes.length; ) {
    const size = bytes.readUInt32LE(offset + 4);
    if (ascii(bytes, offset, offset + 4) === 'fmt ')
      return size >= 16 && PCM_FORMATS.has(bytes.readUInt16LE(offset + 8));
    offset += 8 + size + (size % 2);
  }
  return false;
}

/** A PCM WAV's format and length (what the H5 recorder writes); null for anything else. */
export function pcmWavInfo(bytes: Buffer): WavInfo | null {
  if (!isRiff(bytes, 'WAVE')) return null;
  let format: Omit<WavInfo, 'seconds'> & { byteRate: number } = {
    channels: 0,
    sampleRate: 0,
    bitsPerSample: 0,
    byteRate: 0,
  };
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      if (size < 16 || offset + 24 > bytes.length || !PCM_FORMATS.has(bytes.readUInt16LE(offset + 8))) return null;
      format = {
        channels: bytes.readUInt16LE(offset + 10),
        sampleRate: bytes.readUInt32LE(offset + 12),
        byteRate: bytes.readUInt32LE(offset + 16),
        bitsPerSample: bytes.readUInt16LE(offset + 22),
      };
    } else if (id === 'data') {
      if (!format.byteRate || !format.channels || !format.sampleRate) return null;
      const { byteRate, ...rest } = format;
      return { ...rest, seconds: Math.min(size, bytes.length - offset - 8) / byteRate };
    }
    offset += 8 + size + (size % 2);
  }
  return null;
}

/** ID3v2 tag: "ID3", a major version 2–4, a revision that is never 0xFF. */
const isId3 = (bytes: Buffer) =>
  bytes.length >= 10 && ascii(bytes, 0, 3) === 'ID3' && bytes[3] >= 2 && bytes[3] <= 4 && bytes[4] !== 0xff;

/**
 * An MPEG audio frame header: 11 sync bits, then version, layer, bitrate and sample rate
 * fields that must not hold their reserved values. Layer 00 is reserved here, which is what
 * tells it apart from an ADTS (AAC) header.
 */
function isMpegAudioFrame(bytes: Buffer): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff || (bytes[1] & 0xe0) !== 0xe0) return false;
  const version = (bytes[1] >> 3) & 0b11;
  const layer = (bytes[1] >> 1) & 0b11;
  const bitrateIndex = bytes[2] >> 4;
  const sampleRateIndex = (bytes[2] >> 2) & 0b11;
  return version !== 0b01 && layer !== 0b00 && bitrateIndex !== 0b1111 && sampleRateIndex !== 0b11;
}

/** An ADTS header (raw AAC): 12 sync bits, layer always 00, a sampling index below 13. */
function isAdts(bytes: Buffer): boolean {
  if (bytes.length < 7 || bytes[0] !== 0xff || (bytes[1] & 0xf6) !== 0xf0) return false;
  const samplingIndex = (bytes[2] >> 2) & 0b1111;
  return samplingIndex <= 12;
}

/** An ISO BMFF file whose first box is `ftyp` with an audio-capable major brand (.m4a). */
function isM4a(bytes: Buffer): boolean {
  if (bytes.length < 12 || ascii(bytes, 4, 8) !== 'ftyp') return false;
  const boxSize = bytes.readUInt32BE(0);
  return boxSize >= 16 && AUDIO_BRANDS.has(ascii(bytes, 8, 12));
}

/** A Matroska/EBML file whose DocType is "webm" (what browsers' MediaRecorder writes). */
function isWebm(bytes: Buffer): boolean {
  if (bytes.length < 16 || bytes.readUInt32BE(0) !== 0x1a45dfa3) return false;
  return ascii(bytes, 0, Math.min(bytes.length, 64)).includes('webm');
}

/** An Ogg page carrying Opus or Vorbis audio (Firefox's MediaRecorder). */
function isOggAudio(bytes: Buffer): boolean {
  if (bytes.length < 36 || ascii(bytes, 0, 4) !== 'OggS') return false;
  const head = ascii(bytes, 28, 36);
  return head === 'OpusHead' || head.slice(1, 7) === 'vorbis';
}

/**
 * What an upload really is, judged by its first bytes only: the file name and the client's
 * content type are whatever the sender chose, so they are never trusted. Null when it is
 * neither a photo nor a voice clip we accept.
 */
export function sniffMedia(bytes: Buffer): SniffedMedia | null {
  if (isJpeg(bytes)) return { kind: 'photo', contentType: 'image/jpeg' };
  if (isPng(bytes)) return { kind: 'photo', contentType: 'image/png' };
  if (isRiff(bytes, 'WEBP')) return { kind: 'photo', contentType: 'image/webp' };
  if (isPcmWav(bytes)) return { kind: 'voice', contentType: 'audio/wav' };
  if (isId3(bytes) || isMpegAudioFrame(bytes)) return { kind: 'voice', contentType: 'audio/mpeg' };
  if (isAdts(bytes)) return { kind: 'voice', contentType: 'audio/aac' };
  if (isM4a(bytes)) return { kind: 'voice', contentType: 'audio/mp4' };
  if (isWebm(bytes)) return { kind: 'voice', contentType: 'audio/webm' };
  if (isOggAudio(bytes)) return { kind: 'voice', contentType: 'audio/ogg' };
  return null;
}
