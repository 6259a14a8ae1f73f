// Where a child server's CPU goes under load: the child runs with node's --cpu-prof, the bench
// notes the load's window on the same monotonic clock (V8's profile timestamps and
// process.hrtime are both CLOCK_MONOTONIC), and after the child has exited this keeps only the
// samples inside that window — start-up, migrations and seeding are left out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh directory for one child's profile, and the node options that write it there. */
export function profilingArgs(name) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `minqing-cpu-${name}-`));
  return { directory, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${directory}`] };
}

/** Now, in the profile's unit (µs of the monotonic clock). */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/** The .cpuprofile the child wrote on exit, or null when it wrote none. */
export function profileIn(directory) {
  const file = fs.readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
  return file ? path.join(directory, file) : null;
}

/** `node_modules/typeorm/…` → `typeorm`, `server/dist/…` → `server`, `node:…` → `node`. */
function areaOf(url, repoRoot) {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return 'node (internals)';
  const local = url.replace(/^file:\/\//, '').replace(`${repoRoot}/`, '');
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(local);
  if (module) return module[1];
  return local.split('/').slice(0, 2).join('/');
}

function shortLocation(url, line, repoRoot) {
  if (!url) return '';
  const local = url.replace(/^file:\/\//, '').replace(`${repoRoot}/`, '');
  const inModule = /node_modules\/(.+)$/.exec(local);
  return `${inModule ? inModule[1] : local}:${line + 1}`;
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);
/** Inclusive time is shown for the project's own functions: the flame graph's shape, in words. */
const OWN_CODE = / (server|shared)\/dist\//;

/**
 * Self time per function and per package, and inclusive ("total") time per own function, over the
 * samples between `from` and `to` (µs, monotonic). Idle samples are counted apart; shares are of
 * busy time. `requests` turns ms into ms per request.
 */
export function summarizeProfile(file, { from, to, repoRoot, requests, top = 15 }) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    return SPECIAL.has(name) ? name : `${name} ${shortLocation(url, lineNumber, repoRoot)}`;
  };

  const self = new Map();
  const total = new Map();
  const areas = new Map();
  const add = (map, key, micros) => map.set(key, (map.get(key) ?? 0) + micros);
  let time = profile.startTime;
  let idle = 0;
  let busy = 0;
  for (let index = 0; index < profile.samples.length; index++) {
    time += profile.timeDeltas[index];
    if (time < from || time > to) continue;
    // A sample stands for the time until the next one.
    const micros = profile.timeDeltas[index + 1] ?? 0;
    const node = nodes.get(profile.samples[index]);
    if (node.callFrame.functionName === '(idle)') {
      idle += micros;
      continue;
    }
    busy += micros;
    add(self, keyOf(node), micros);
    const special = SPECIAL.has(node.callFrame.functionName);
    add(areas, special ? node.callFrame.functionName : areaOf(node.callFrame.url, repoRoot), micros);
    const onStack = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) onStack.add(keyOf(nodes.get(id)));
    for (const key of onStack) if (OWN_CODE.test(key)) add(total, key, micros);
  }
  const ranked = (map, count) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => ({
        name,
        ms: micros / 1000,
        share: busy > 0 ? micros / busy : 0,
        msPerRequest: requests > 0 ? micros / 1000 / requests : null,
      }));
  return {
    file,
    windowSeconds: (to - from) / 1e6,
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    busyMsPerRequest: requests > 0 ? busy / 1000 / requests : null,
    selfTop: ranked(self, top),
    areas: ranked(areas, top),
    totalTop: ranked(total, top),
  };
}
