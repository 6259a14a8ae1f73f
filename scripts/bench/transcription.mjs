// (iv) Server-side transcription of voice reports (Tencent ASR 一句话识别) against the local fake
// (server/src/test/fakeTencentAsr.ts, bundled here with esbuild): the client's latency per clip,
// transcription jobs per second through the real server, and a voice-only report's time from
// submission to its department.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { percentile } from './stats.mjs';

/** What the fake hears in every clip: a concern the classifier routes (供电). */
export const SPOKEN = '组上停电从早上到现在还没来，冰箱里的东西都要坏了';

/** Loads the TypeScript fake as an ES module (src/test is not part of server/dist). */
export async function loadFakeTencentAsr(repoRoot) {
  const outfile = path.join(os.tmpdir(), `fakeTencentAsr-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(repoRoot, 'server', 'src', 'test', 'fakeTencentAsr.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
  });
  const module = await import(pathToFileURL(outfile).href);
  fs.rmSync(outfile, { force: true });
  return module;
}

/** A real 16 kHz mono 16-bit PCM WAV of `seconds`: a voice-band tone with a slow swell, as the H5 recorder writes. */
export function toneWav(seconds = 4, sampleRate = 16000) {
  const samples = seconds * sampleRate;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'latin1');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8, 'latin1');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'latin1');
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i += 1) {
    const t = i / sampleRate;
    const swell = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t);
    wav.writeInt16LE(Math.round(8000 * swell * Math.sin(2 * Math.PI * 220 * t)), 44 + i * 2);
  }
  return wav;
}

const stats = (values) => ({
  n: values.length,
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  max: values.length ? Math.max(...values) : null,
});

async function uploadClip(baseUrl, token, clip) {
  const form = new FormData();
  form.append('durationSeconds', '4');
  form.append('file', new Blob([clip], { type: 'audio/wav' }), 'voice.wav');
  const response = await fetch(`${baseUrl}/api/v1/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`upload → ${response.status} ${JSON.stringify(body)}`);
  return body.id;
}

async function submitVoice(baseUrl, token, uploadId, villageCode, key) {
  const response = await fetch(`${baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify({ serviceCode: 'direct', villageCode, voice: { uploadId } }),
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`submit → ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * `fake`: the running fake; `client`: server/dist's TencentAsrClient pointed at it; `pool`: the
 * server's database. Jobs per second: `batch` voice reports submitted at once, from the first
 * submission until the last job is done. Time to department: `samples` reports one at a time,
 * from sending the submission until GET /reports/:id names a department.
 */
export async function measureTranscription({
  fake,
  client,
  pool,
  baseUrl,
  tokens,
  villageCode,
  clips,
  batch,
  samples,
  log,
}) {
  const clip = toneWav();
  for (let i = 0; i < 3; i += 1) await client.recognize({ data: clip, voiceFormat: 'wav' });
  const clipTimes = [];
  for (let i = 0; i < clips; i += 1) {
    const started = performance.now();
    const answer = await client.recognize({ data: clip, voiceFormat: 'wav' });
    clipTimes.push(performance.now() - started);
    if (answer.text !== SPOKEN) throw new Error(`the fake answered ${JSON.stringify(answer.text)}`);
  }
  log(
    `(iv) ${clips} clips of ${(clip.length / 1024).toFixed(0)} kB straight to the fake: p50 ${percentile(clipTimes, 50).toFixed(1)} ms`,
  );

  const tag = Date.now().toString(36);
  const uploads = await Promise.all(
    Array.from({ length: batch }, (_, i) => uploadClip(baseUrl, tokens[i % tokens.length], clip)),
  );
  const callsBefore = fake.calls.length;
  const batchStarted = performance.now();
  const submitted = await Promise.all(
    uploads.map((uploadId, i) =>
      submitVoice(baseUrl, tokens[i % tokens.length], uploadId, villageCode, `asr-${tag}-${i}`),
    ),
  );
  const ids = submitted.map((report) => report.id);
  let settled = [];
  for (let waited = 0; waited < 120_000; waited += 20) {
    const [rows] = await pool.query(
      `SELECT status, COUNT(*) AS n FROM transcription_jobs WHERE reportId IN (${ids.map(() => '?').join(',')}) GROUP BY status`,
      ids,
    );
    settled = rows;
    const open = rows.filter((row) => row.status === 'pending' || row.status === 'running');
    if (rows.length && open.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const batchSeconds = (performance.now() - batchStarted) / 1000;
  const batchCalls = fake.calls.length - callsBefore;
  const [[routed]] = await pool.query(
    `SELECT COUNT(*) AS n FROM reports WHERE status = 'dispatched' AND transcriptSource = 'asr' AND id IN (${ids.map(() => '?').join(',')})`,
    ids,
  );
  const jobs = Object.fromEntries(settled.map((row) => [row.status, Number(row.n)]));
  log(
    `(iv) ${batch} voice reports at once: jobs ${JSON.stringify(jobs)} in ${batchSeconds.toFixed(2)} s, ${routed.n} routed`,
  );

  const toDepartment = [];
  let misses = 0;
  for (let i = 0; i < samples; i += 1) {
    const token = tokens[i % tokens.length];
    const uploadId = await uploadClip(baseUrl, token, clip);
    const started = performance.now();
    const report = await submitVoice(baseUrl, token, uploadId, villageCode, `asr1-${tag}-${i}`);
    let department = null;
    for (let polls = 0; polls < 1000 && !department; polls += 1) {
      const response = await fetch(`${baseUrl}/api/v1/reports/${report.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const detail = await response.json();
      if (detail.department) department = detail.department;
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (department) toDepartment.push(performance.now() - started);
    else misses += 1;
  }
  return {
    clipBytes: clip.length,
    clip: stats(clipTimes),
    batch: {
      reports: batch,
      seconds: batchSeconds,
      jobsPerSecond: batch / batchSeconds,
      jobs,
      routed: Number(routed.n),
      asrCalls: batchCalls,
    },
    toDepartment: { ...stats(toDepartment), misses },
  };
}
