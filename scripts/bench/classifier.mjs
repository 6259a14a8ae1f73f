// (ii) The category classifier on its own: load time, predictions per second and the latency
// of one prediction, in this process (the server runs it in-process too).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile } from './stats.mjs';

// What villagers say (scripts/bench/load.mjs's phrases and more), used when no data file is found.
const FALLBACK_TEXTS = [
  '村口的路灯坏了一个多月，晚上出行很不方便，希望尽快修一下。',
  '组上停电从早上到现在还没来，冰箱里的东西都要坏了。',
  '河边有人倾倒建筑垃圾，影响河道行洪，请相关部门处理。',
  '自来水管在路边爆了，水一直往外冒，麻烦派人来看看。',
  '通村公路塌方了一段，车辆无法通行，孩子上学要绕很远。',
  '邻居家的狗经常咬人，协商多次没有结果，请村里帮忙调解。',
  '我家是低保户，今年因病花费较多，想问问能不能申请临时救助。',
  '屋后头那根电线杆子歪了靠在树上风一吹就晃',
  '地里的玉米叶子发黄长虫了不知道打什么药',
  '在外面打工的工资拖了半年还没给',
];

/** Texts from the shipped training files (server/src/routing/data/*.jsonl) when there are any. */
function sampleTexts(repoRoot, limit) {
  const directory = path.join(repoRoot, 'server', 'src', 'routing', 'data');
  const texts = [];
  const files = fs.existsSync(directory)
    ? fs
        .readdirSync(directory)
        .filter((name) => name.endsWith('.jsonl'))
        .sort()
    : [];
  for (const file of files) {
    for (const line of fs.readFileSync(path.join(directory, file), 'utf8').split('\n')) {
      if (texts.length >= limit) break;
      try {
        const row = JSON.parse(line);
        const text = row.text ?? [row.title, row.detail].filter(Boolean).join('。');
        if (typeof text === 'string' && text.trim()) texts.push(text.slice(0, 2000));
      } catch {
        // a blank or broken line: skip it
      }
    }
  }
  return texts.length > 0
    ? { texts, source: `${files.length} file(s) in server/src/routing/data` }
    : { texts: FALLBACK_TEXTS, source: 'built-in phrases' };
}

const isThenable = (value) => value !== null && typeof value === 'object' && typeof value.then === 'function';

/**
 * Loads the lead's classifier from server/dist; answers { skipped } when it is not built yet.
 * Each prediction is timed on its own; throughput is predictions over the total time.
 */
export async function measureClassifier({ repoRoot, samples, warmup }) {
  const modulePath = path.join(repoRoot, 'server', 'dist', 'routing', 'classifier', 'index.js');
  if (!fs.existsSync(modulePath))
    return { skipped: 'classifier not built yet', detail: `no ${path.relative(repoRoot, modulePath)}` };
  const require = createRequire(import.meta.url);
  const { CategoryClassifier, DEFAULT_MODEL_PATH } = require('../../server/dist/routing/classifier/index.js');
  if (!CategoryClassifier || !DEFAULT_MODEL_PATH)
    return { skipped: 'classifier not built yet', detail: 'no CategoryClassifier / DEFAULT_MODEL_PATH export' };
  if (!fs.existsSync(DEFAULT_MODEL_PATH))
    return {
      skipped: 'classifier not built yet',
      detail: `no model at ${path.relative(repoRoot, DEFAULT_MODEL_PATH)}`,
    };

  const loadStarted = performance.now();
  const loaded = CategoryClassifier.loadFile(DEFAULT_MODEL_PATH);
  const classifier = isThenable(loaded) ? await loaded : loaded;
  const loadMs = performance.now() - loadStarted;

  const { texts, source } = sampleTexts(repoRoot, 5_000);
  const predict = async (text) => {
    const answer = classifier.predict({ text });
    return isThenable(answer) ? await answer : answer;
  };
  for (let index = 0; index < warmup; index += 1) await predict(texts[index % texts.length]);

  const latencies = new Array(samples);
  let example = null;
  const started = performance.now();
  for (let index = 0; index < samples; index += 1) {
    const text = texts[index % texts.length];
    const before = performance.now();
    const answer = await predict(text);
    latencies[index] = performance.now() - before;
    if (index === 0) example = { text: text.slice(0, 40), answer };
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    loadMs,
    samples,
    texts: texts.length,
    source,
    perSecond: samples / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    example,
  };
}
