import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { VoiceType } from '@minqing/shared';
import { asr } from 'tencentcloud-sdk-nodejs-asr';
import type { AsrConfig } from './asrConfig';

/** 一句话识别's VoiceFormat for each voice type the server stores; null: ASR does not take it (WebM). */
export const ASR_VOICE_FORMATS: Record<VoiceType, string | null> = {
  'audio/wav': 'wav',
  'audio/mpeg': 'mp3',
  'audio/aac': 'aac',
  'audio/mp4': 'm4a',
  'audio/ogg': 'ogg-opus',
  'audio/webm': null,
};

/** 一句话识别 takes at most 60 s of audio and 3 MB of base64 data (SourceType 1). */
export const ASR_MAX_SECONDS = 60;
export const ASR_MAX_BASE64_BYTES = 3_000_000;

export interface Recognition {
  /** What was said; empty when the clip holds no speech. */
  text: string;
  /** The audio's length as Tencent measured it, in milliseconds. */
  audioDurationMs: number | null;
  requestId: string | null;
}

/** Turns one short voice clip into text; the server's is Tencent Cloud ASR, tests point it at a local fake. */
export interface SpeechRecognizer {
  recognize(clip: { data: Buffer; voiceFormat: string }): Promise<Recognition>;
}

/** Tencent answered an error (`code`, e.g. AuthFailure.SignatureFailure), or the call itself failed. */
export class AsrError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly httpStatus: number | null,
    readonly requestId: string | null,
  ) {
    super(message);
    this.name = 'AsrError';
  }

  /** The clip itself is refused (format, length, size): sending it again cannot help. */
  get permanent(): boolean {
    return Boolean(this.code && /^(InvalidParameter|InvalidParameterValue|UnsupportedOperation)(\.|$)/.test(this.code));
  }
}

/** Names under .localhost are the loopback (RFC 6761): a local endpoint keeps the `asr.` host the signature names. */
const lookup: LookupFunction = (hostname, options, callback) => {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    if (options.all)
      return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
    return callback(null, '127.0.0.1', 4);
  }
  return dns.lookup(hostname, options, callback);
};

interface SdkError {
  message?: string;
  code?: string;
  httpCode?: number;
  requestId?: string;
}

/**
 * Tencent Cloud ASR 一句话识别 (SentenceRecognition, 2019-06-14) through the official SDK, signed
 * TC3-HMAC-SHA256. The audio goes in the request as base64 (SourceType 1). The agent is our own:
 * it resolves *.localhost to the loopback and keeps the SDK from sending local calls through an
 * http_proxy of the environment.
 */
export class TencentAsrClient implements SpeechRecognizer {
  private readonly client: InstanceType<typeof asr.v20190614.Client>;

  constructor(
    private readonly config: AsrConfig,
    timeoutSeconds = 30,
  ) {
    const url = new URL(config.endpoint);
    const agent =
      url.protocol === 'http:'
        ? new http.Agent({ keepAlive: true, lookup })
        : new https.Agent({ keepAlive: true, lookup });
    this.client = new asr.v20190614.Client({
      credential: { secretId: config.secretId, secretKey: config.secretKey },
      region: config.region,
      profile: {
        httpProfile: { endpoint: url.host, protocol: `${url.protocol}//`, reqTimeout: timeoutSeconds, agent },
      },
    });
  }

  async recognize(clip: { data: Buffer; voiceFormat: string }): Promise<Recognition> {
    try {
      const answer = await this.client.SentenceRecognition({
        EngSerViceType: this.config.engine,
        SourceType: 1,
        VoiceFormat: clip.voiceFormat,
        Data: clip.data.toString('base64'),
        DataLen: clip.data.length,
      });
      return {
        text: (answer.Result ?? '').trim(),
        audioDurationMs: answer.AudioDuration ?? null,
        requestId: answer.RequestId ?? null,
      };
    } catch (error) {
      const sdk = error as SdkError;
      throw new AsrError(sdk.message || String(error), sdk.code || null, sdk.httpCode ?? null, sdk.requestId || null);
    }
  }
}
