import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Tencent Cloud ASR 一句话识别 (SentenceRecognition, 2019-06-14) for tests and the H5
 * end-to-end demo. It speaks the real wire format — a JSON POST with X-TC-* headers and a
 * TC3-HMAC-SHA256 Authorization — and verifies the signature as Tencent does (the canonical
 * request and the signing key rebuilt from the secret), then checks the audio: the base64 must
 * decode to DataLen bytes, within 3 MB, and be a real clip of the declared VoiceFormat (a WAV is
 * parsed: PCM, the engine's sample rate, at most 60 s). Errors come back in Tencent's shape,
 * `{"Response":{"Error":{"Code","Message"},"RequestId"}}`, with HTTP 200 as Tencent answers them.
 */

export const FAKE_ASR_SECRET_ID = 'AKIDfakeAsr0123456789abcdefghijkl';
export const FAKE_ASR_SECRET_KEY = 'fakeAsrSecretKey0123456789abcdef';

const ACTION = 'SentenceRecognition';
const VERSION = '2019-06-14';
const SERVICE = 'asr';
const MAX_BASE64 = 3_000_000;
const MAX_SECONDS = 60;
const MAX_SKEW_SECONDS = 300;

export interface FakeAsrAudio {
  voiceFormat: string;
  engine: string;
  data: Buffer;
  /** Measured from a WAV's header; null for compressed formats. */
  durationMs: number | null;
}

/** One request as the fake saw it: what was asked and how it was answered. */
export interface FakeAsrCall {
  action: string | undefined;
  region: string | undefined;
  engine: string | undefined;
  voiceFormat: string | undefined;
  dataLen: number | undefined;
  /** Tencent's error code it answered, or null for a transcript. */
  error: string | null;
  result: string | null;
  at: number;
}

/** A failure to answer instead of a transcript: an HTTP status (a gateway error) or a Tencent error code. */
export type FakeAsrFailure = { status: number } | { code: string; message?: string };

export interface FakeAsrOptions {
  /** The transcript of every clip. */
  answer?: string;
  /** The transcript of this clip (wins over `answer`). */
  answerFor?: (audio: FakeAsrAudio) => string;
  secretId?: string;
  secretKey?: string;
  /** 0 (default): any free port. */
  port?: number;
  /** Milliseconds before each answer (a slow service). */
  delayMs?: number;
}

export interface FakeTencentAsr {
  /** http://asr.localhost:PORT — the host's first label names the signed service, as on asr.tencentcloudapi.com. */
  url: string;
  secretId: string;
  secretKey: string;
  calls: FakeAsrCall[];
  /** Calls that reached recognition (signature and audio accepted). */
  recognized(): FakeAsrCall[];
  /** The next `times` well-formed requests fail this way. */
  failNext(times: number, failure: FakeAsrFailure): void;
  setAnswer(answer: string | ((audio: FakeAsrAudio) => string)): void;
  /** The server's environment for this fake (ASR_TENCENT_SECRET_ID, _SECRET_KEY, _ENDPOINT). */
  env: Record<string, string>;
  close(): Promise<void>;
}

class FakeAsrRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Tencent's TC3-HMAC-SHA256 check, rebuilt from the documentation (签名方法 v3). */
function verifySignature(request: http.IncomingMessage, body: Buffer, secrets: Map<string, string>): void {
  const authorization = header(request, 'authorization') ?? '';
  const match =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!match)
    throw new FakeAsrRefusal('AuthFailure.InvalidAuthorization', 'Authorization header is not TC3-HMAC-SHA256');
  const [, secretId, date, service, signedHeaders, signature] = match;
  const secretKey = secrets.get(secretId);
  if (!secretKey) throw new FakeAsrRefusal('AuthFailure.SecretIdNotFound', 'The SecretId is not found');
  const timestamp = Number(header(request, 'x-tc-timestamp'));
  if (!Number.isInteger(timestamp)) throw new FakeAsrRefusal('MissingParameter', 'X-TC-Timestamp is missing');
  if (Math.abs(Date.now() / 1000 - timestamp) > MAX_SKEW_SECONDS)
    throw new FakeAsrRefusal('AuthFailure.SignatureExpire', 'Signature expired');
  if (date !== new Date(timestamp * 1000).toISOString().slice(0, 10) || service !== SERVICE)
    throw new FakeAsrRefusal('AuthFailure.SignatureFailure', 'The credential scope does not match');
  if (!signedHeaders.split(';').includes('content-type') || !signedHeaders.split(';').includes('host'))
    throw new FakeAsrRefusal('AuthFailure.SignatureFailure', 'content-type and host must be signed');
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((name) => {
      let value = (header(request, name) ?? '').trim().toLowerCase();
      // Tencent is reached on the default port, where Host is the bare name the SDK signs.
      if (name === 'host') value = value.replace(/:\d+$/, '');
      return `${name}:${value}\n`;
    })
    .join('');
  const url = new URL(request.url ?? '/', 'http://fake');
  const canonicalRequest = [
    request.method,
    url.pathname,
    url.search.slice(1),
    canonicalHeaders,
    signedHeaders,
    sha256(body),
  ].join('\n');
  const stringToSign = [
    'TC3-HMAC-SHA256',
    String(timestamp),
    `${date}/${service}/tc3_request`,
    sha256(canonicalRequest),
  ].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  const expected = createHmac('sha256', signingKey).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex')))
    throw new FakeAsrRefusal('AuthFailure.SignatureFailure', 'The provided credentials could not be validated');
}

/** A RIFF/WAVE PCM file: its duration, after checking the sample rate suits the engine. */
function wavDurationMs(data: Buffer, engine: string): number {
  if (data.length < 12 || data.toString('latin1', 0, 4) !== 'RIFF' || data.toString('latin1', 8, 12) !== 'WAVE')
    throw new FakeAsrRefusal('FailedOperation.ErrorRecognize', 'not a WAV file');
  let offset = 12;
  let format: { audioFormat: number; channels: number; sampleRate: number; byteRate: number } | null = null;
  while (offset + 8 <= data.length) {
    const id = data.toString('latin1', offset, offset + 4);
    const size = data.readUInt32LE(offset + 4);
    if (id === 'fmt ' && size >= 16) {
      format = {
        audioFormat: data.readUInt16LE(offset + 8),
        channels: data.readUInt16LE(offset + 10),
        sampleRate: data.readUInt32LE(offset + 12),
        byteRate: data.readUInt32LE(offset + 16),
      };
    }
    if (id === 'data') {
      if (format?.audioFormat !== 1 || format.byteRate === 0)
        throw new FakeAsrRefusal('FailedOperation.ErrorRecognize', 'WAV is not PCM');
      const expectedRate = engine.startsWith('8k_') ? 8000 : 16000;
      if (format.sampleRate !== expectedRate)
        throw new FakeAsrRefusal(
          'InvalidParameterValue.ErrorInvalidSampleRate',
          `engine ${engine} needs ${expectedRate} Hz audio`,
        );
      const bytes = Math.min(size, data.length - offset - 8);
      return Math.round((bytes / format.byteRate) * 1000);
    }
    offset += 8 + size + (size % 2);
  }
  throw new FakeAsrRefusal('FailedOperation.ErrorRecognize', 'WAV has no data chunk');
}

/** Is it a clip of the declared format? (Compressed formats by their signature.) */
function checkAudio(voiceFormat: string, data: Buffer, engine: string): number | null {
  const ascii = (start: number, end: number) => data.toString('latin1', start, end);
  const ok = (() => {
    switch (voiceFormat) {
      case 'wav':
        return true;
      case 'mp3':
        return ascii(0, 3) === 'ID3' || (data[0] === 0xff && (data[1] & 0xe0) === 0xe0 && ((data[1] >> 1) & 3) !== 0);
      case 'aac':
        return data[0] === 0xff && (data[1] & 0xf6) === 0xf0;
      case 'm4a':
        return ascii(4, 8) === 'ftyp';
      case 'ogg-opus':
        return ascii(0, 4) === 'OggS' && ascii(28, 36) === 'OpusHead';
      default:
        throw new FakeAsrRefusal(
          'InvalidParameterValue.ErrorInvalidVoiceFormat',
          `VoiceFormat ${voiceFormat} is not supported`,
        );
    }
  })();
  if (voiceFormat === 'wav') {
    const duration = wavDurationMs(data, engine);
    if (duration > MAX_SECONDS * 1000)
      throw new FakeAsrRefusal('InvalidParameterValue.ErrorVoicedataTooLong', 'audio longer than 60 s');
    return duration;
  }
  if (!ok) throw new FakeAsrRefusal('FailedOperation.ErrorRecognize', `the audio is not ${voiceFormat}`);
  return null;
}

export async function startFakeTencentAsr(options: FakeAsrOptions = {}): Promise<FakeTencentAsr> {
  const secretId = options.secretId ?? FAKE_ASR_SECRET_ID;
  const secretKey = options.secretKey ?? FAKE_ASR_SECRET_KEY;
  const secrets = new Map([[secretId, secretKey]]);
  const calls: FakeAsrCall[] = [];
  const failures: FakeAsrFailure[] = [];
  let answer: string | ((audio: FakeAsrAudio) => string) = options.answerFor ?? options.answer ?? '';

  const respond = (outgoing: http.ServerResponse, status: number, body: unknown) => {
    const send = () => {
      outgoing.writeHead(status, { 'Content-Type': 'application/json' });
      outgoing.end(JSON.stringify(body));
    };
    if (options.delayMs) setTimeout(send, options.delayMs);
    else send();
  };

  const handle = (incoming: http.IncomingMessage, body: Buffer, outgoing: http.ServerResponse) => {
    const requestId = randomUUID();
    const json = (() => {
      try {
        return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        return null;
      }
    })();
    const call: FakeAsrCall = {
      action: header(incoming, 'x-tc-action'),
      region: header(incoming, 'x-tc-region'),
      engine: typeof json?.EngSerViceType === 'string' ? json.EngSerViceType : undefined,
      voiceFormat: typeof json?.VoiceFormat === 'string' ? json.VoiceFormat : undefined,
      dataLen: typeof json?.DataLen === 'number' ? json.DataLen : undefined,
      error: null,
      result: null,
      at: Date.now(),
    };
    calls.push(call);
    try {
      if (incoming.method !== 'POST') throw new FakeAsrRefusal('UnsupportedProtocol', 'POST only');
      if (!(header(incoming, 'content-type') ?? '').startsWith('application/json') || !json)
        throw new FakeAsrRefusal('InvalidParameter', 'the body must be JSON');
      verifySignature(incoming, body, secrets);
      if (call.action !== ACTION) throw new FakeAsrRefusal('InvalidAction', `no action ${call.action}`);
      if (header(incoming, 'x-tc-version') !== VERSION)
        throw new FakeAsrRefusal('NoSuchVersion', `version must be ${VERSION}`);
      if (!call.region) throw new FakeAsrRefusal('MissingParameter', 'X-TC-Region is missing');
      if (!call.engine) throw new FakeAsrRefusal('MissingParameter', 'EngSerViceType is missing');
      if (json.SourceType !== 1 || typeof json.Data !== 'string')
        throw new FakeAsrRefusal('InvalidParameter', 'SourceType 1 with Data is expected');
      if (json.Data.length > MAX_BASE64)
        throw new FakeAsrRefusal('InvalidParameterValue.ErrorInvalidDataLen', 'Data is over 3 MB');
      const data = Buffer.from(json.Data, 'base64');
      if (data.toString('base64') !== json.Data)
        throw new FakeAsrRefusal('InvalidParameterValue', 'Data is not base64');
      if (data.length !== call.dataLen)
        throw new FakeAsrRefusal('InvalidParameterValue.ErrorInvalidDataLen', 'DataLen does not match the data');
      const durationMs = checkAudio(call.voiceFormat ?? '', data, call.engine);
      const failure = failures.shift();
      if (failure && 'status' in failure) {
        call.error = `HTTP ${failure.status}`;
        return respond(outgoing, failure.status, { message: 'upstream failure' });
      }
      if (failure) throw new FakeAsrRefusal(failure.code, failure.message ?? 'internal error');
      const audio: FakeAsrAudio = { voiceFormat: call.voiceFormat!, engine: call.engine, data, durationMs };
      const result = typeof answer === 'function' ? answer(audio) : answer;
      call.result = result;
      respond(outgoing, 200, {
        Response: { Result: result, AudioDuration: durationMs ?? 0, WordSize: 0, WordList: null, RequestId: requestId },
      });
    } catch (error) {
      if (!(error instanceof FakeAsrRefusal)) throw error;
      call.error = error.code;
      respond(outgoing, 200, {
        Response: { Error: { Code: error.code, Message: error.message }, RequestId: requestId },
      });
    }
  };

  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => handle(incoming, Buffer.concat(chunks), outgoing));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://asr.localhost:${(server.address() as AddressInfo).port}`;
  return {
    url,
    secretId,
    secretKey,
    calls,
    recognized: () => calls.filter((call) => call.error === null),
    failNext(times, failure) {
      for (let i = 0; i < times; i += 1) failures.push(failure);
    },
    setAnswer(next) {
      answer = next;
    },
    env: { ASR_TENCENT_SECRET_ID: secretId, ASR_TENCENT_SECRET_KEY: secretKey, ASR_TENCENT_ENDPOINT: url },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
