import { type FakeTencentAsr, startFakeTencentAsr } from '../../test/fakeTencentAsr';
import { spokenWav } from '../../test/speech';
import { asrConfigFrom } from './asrConfig';
import { AsrError, TencentAsrClient } from './tencentAsrClient';

describe('TencentAsrClient against the local 一句话识别', () => {
  let fake: FakeTencentAsr;
  const said = '村口的路灯坏了';
  const clip = spokenWav(said);

  beforeAll(async () => {
    fake = await startFakeTencentAsr({
      answerFor: (audio) => (audio.durationMs && audio.durationMs > 500 ? said : ''),
    });
  });
  afterAll(() => fake.close());

  const client = (env: Record<string, string> = {}) => new TencentAsrClient(asrConfigFrom({ ...fake.env, ...env })!);

  it('sends a signed SentenceRecognition with the clip as base64 and reads the transcript', async () => {
    const result = await client().recognize({ data: clip, voiceFormat: 'wav' });
    expect(result.text).toBe(said);
    expect(result.audioDurationMs).toBeGreaterThan(1000);
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const call = fake.calls.at(-1)!;
    expect(call).toMatchObject({
      action: 'SentenceRecognition',
      region: 'ap-shanghai',
      engine: '16k_zh_dialect',
      voiceFormat: 'wav',
      dataLen: clip.length,
      error: null,
    });
  });

  it('is refused with Tencent’s error when the secret is wrong', async () => {
    const wrong = client({ ASR_TENCENT_SECRET_KEY: 'not-the-secret-key-0123456789' });
    const error = await wrong.recognize({ data: clip, voiceFormat: 'wav' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AsrError);
    expect(error).toMatchObject({ code: 'AuthFailure.SignatureFailure', permanent: false });
    expect(fake.calls.at(-1)!.error).toBe('AuthFailure.SignatureFailure');
  });

  it('is refused when the audio is not what VoiceFormat says', async () => {
    const error = await client()
      .recognize({ data: clip, voiceFormat: 'mp3' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FailedOperation.ErrorRecognize' });
  });

  it('refuses an 8 kHz clip for a 16k engine, as Tencent does, and calls it permanent', async () => {
    const error = await client()
      .recognize({ data: spokenWav(said, { rate: 8000 }), voiceFormat: 'wav' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'InvalidParameterValue.ErrorInvalidSampleRate', permanent: true });
  });

  it('reports an HTTP failure with its status', async () => {
    fake.failNext(1, { status: 502 });
    const error = await client()
      .recognize({ data: clip, voiceFormat: 'wav' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ httpStatus: 502, permanent: false });
  });

  it('does not go through an http_proxy of the environment for a local endpoint', async () => {
    const saved = process.env.http_proxy;
    process.env.http_proxy = 'http://127.0.0.1:9';
    try {
      await expect(client().recognize({ data: clip, voiceFormat: 'wav' })).resolves.toMatchObject({ text: said });
    } finally {
      if (saved === undefined) delete process.env.http_proxy;
      else process.env.http_proxy = saved;
    }
  });
});
