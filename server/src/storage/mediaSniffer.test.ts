import { pcmWavInfo, sniffMedia } from './mediaSniffer';
import { testVoice } from '../test/media';

/** The first bytes of real files, as a hex dump would show them. */
const hex = (dump: string) => Buffer.from(dump.replace(/\s+/g, ''), 'hex');

const HEADERS = {
  jpegJfif: 'ffd8ffe0 00104a46 49460001 01000001 00010000',
  jpegExif: 'ffd8ffe1 1c454578 69660000 4d4d002a 00000008',
  png: '89504e47 0d0a1a0a 0000000d 49484452 00000028',
  webpExtended: '52494646 ec150000 57454250 56503858 0a000000',
  webpLossy: '52494646 24000000 57454250 56503820 18000000',
  wavPcm: '52494646 24000000 57415645 666d7420 10000000 01000100 401f0000 803e0000 02001000',
  wavExtensible: '52494646 3c000000 57415645 666d7420 28000000 feff0100 803e0000 007d0000 02001000',
  wavMp3Inside: '52494646 24000000 57415645 666d7420 1e000000 55000100 44ac0000 803e0000 01000000',
  wavAdpcm: '52494646 24000000 57415645 666d7420 14000000 11000100 401f0000 d70f0000 00010400',
  mp3Id3v24: '49443304 00000000 00235453 53450000 000f0000',
  mp3FrameMpeg1Layer3: 'fffb9064 00000000 00000000 00000000',
  mp3FrameMpeg2Layer3: 'fff39064 00000000 00000000',
  aacAdtsMpeg4: 'fff15080 021ffc21 00000000',
  aacAdtsMpeg2: 'fff95080 021ffc21 00000000',
  m4aItunes: '00000020 66747970 4d344120 00000000 4d344120 6d703432 69736f6d 00000000',
  m4aMp42: '0000001c 66747970 6d703432 00000000 69736f6d 6d703432 00000008',
  heic: '00000018 66747970 68656963 00000000 6d696631 68656963',
  quicktime: '00000014 66747970 71742020 00000000 71742020',
  gif: '47494638 39610100 01008000 00',
  pdf: '25504446 2d312e37 0a25e2e3 cfd3',
  zip: '504b0304 14000000 08000000',
  aviRiff: '52494646 24000000 41564920 4c495354',
  mpegReservedVersion: 'ffeb9064 00000000',
  mpegBadBitrate: 'fffbf064 00000000',
  id3BadRevision: '494433 04ff 00000000 0023',
  webmChrome: '1a45dfa3 9f4286 810142f7 810142f2 810442f3 810842 82 84 7765626d 428787 8104 4285 8102',
  matroskaVideo: '1a45dfa3 a34286 810142f7 810142f2 810442f3 810842 82 88 6d617472 6f736b61 428781',
  oggOpus: '4f676753 00 02 00000000 00000000 6c1e0000 00000000 a3b4c5d6 01 13 4f707573 48656164 0101',
  oggTheora: '4f676753 00 02 00000000 00000000 6c1e0000 00000000 a3b4c5d6 01 2a 80746865 6f726103',
} as const;

describe('pcmWavInfo', () => {
  it('reads a PCM WAV’s format and length from its header', () => {
    expect(pcmWavInfo(testVoice(3, 16000))).toEqual({ channels: 1, sampleRate: 16000, bitsPerSample: 16, seconds: 3 });
    expect(pcmWavInfo(testVoice(2, 8000))?.seconds).toBe(2);
  });

  it('counts only the samples a truncated file holds', () => {
    expect(pcmWavInfo(testVoice(4, 16000).subarray(0, 44 + 32000))?.seconds).toBe(1);
  });

  it('is null for compressed audio inside RIFF and for anything else', () => {
    expect(pcmWavInfo(hex(HEADERS.wavMp3Inside))).toBeNull();
    expect(pcmWavInfo(hex(HEADERS.webpLossy))).toBeNull();
    // A format chunk but no samples yet.
    expect(pcmWavInfo(hex(HEADERS.wavPcm))).toBeNull();
  });
});

describe('sniffMedia', () => {
  it.each([
    ['jpegJfif', 'image/jpeg'],
    ['jpegExif', 'image/jpeg'],
    ['png', 'image/png'],
    ['webpExtended', 'image/webp'],
    ['webpLossy', 'image/webp'],
  ] as const)('recognises %s as a photo (%s)', (name, contentType) => {
    expect(sniffMedia(hex(HEADERS[name]))).toEqual({ kind: 'photo', contentType });
  });

  it.each([
    ['wavPcm', 'audio/wav'],
    ['wavExtensible', 'audio/wav'],
    ['mp3Id3v24', 'audio/mpeg'],
    ['mp3FrameMpeg1Layer3', 'audio/mpeg'],
    ['mp3FrameMpeg2Layer3', 'audio/mpeg'],
    ['aacAdtsMpeg4', 'audio/aac'],
    ['aacAdtsMpeg2', 'audio/aac'],
    ['m4aItunes', 'audio/mp4'],
    ['m4aMp42', 'audio/mp4'],
    ['webmChrome', 'audio/webm'],
    ['oggOpus', 'audio/ogg'],
  ] as const)('recognises %s as voice (%s)', (name, contentType) => {
    expect(sniffMedia(hex(HEADERS[name]))).toEqual({ kind: 'voice', contentType });
  });

  it.each([
    'heic',
    'quicktime',
    'gif',
    'pdf',
    'zip',
    'aviRiff',
    'wavMp3Inside',
    'wavAdpcm',
    'mpegReservedVersion',
    'mpegBadBitrate',
    'id3BadRevision',
    'matroskaVideo',
    'oggTheora',
  ] as const)('refuses %s', (name) => {
    expect(sniffMedia(hex(HEADERS[name]))).toBeNull();
  });

  it('refuses text whatever it is called, and empty or truncated input', () => {
    expect(sniffMedia(Buffer.from('这不是照片，只是一段文字。\n'))).toBeNull();
    expect(sniffMedia(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
    expect(sniffMedia(Buffer.alloc(0))).toBeNull();
    expect(sniffMedia(hex('ffd8'))).toBeNull();
    expect(sniffMedia(hex('52494646 24000000'))).toBeNull();
    expect(sniffMedia(hex('ff'))).toBeNull();
  });
});
