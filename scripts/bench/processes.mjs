// Child servers: started on a free port, awaited on /healthz, always stopped on the way out.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const running = new Set();

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs `node script` with its own event loop (and core time). Output is kept, not echoed:
 * under load a failing server logs thousands of lines; the tail is shown when something breaks.
 */
export function startChild(name, script, { cwd, env, nodeArgs = [] }) {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const handle = { name, child, tail: [], exited: null };
  const keep = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      handle.tail.push(line);
      if (handle.tail.length > 40) handle.tail.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  handle.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  running.add(handle);
  handle.exited.then(() => running.delete(handle));
  return handle;
}

export const outputOf = (handle) => handle.tail.map((line) => `  [${handle.name}] ${line}`).join('\n');

export async function waitForHealth(handle, url, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  let exit = null;
  handle.exited.then((result) => (exit = result));
  while (Date.now() < deadline) {
    if (exit)
      throw new Error(
        `${handle.name} exited (code ${exit.code}, signal ${exit.signal}) before it was healthy:\n${outputOf(handle)}`,
      );
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${handle.name} not healthy at ${url} after ${timeoutMs / 1000} s:\n${outputOf(handle)}`);
}

/** SIGTERM, then SIGKILL if it has not gone within a few seconds. */
export async function stopChild(handle) {
  if (handle.child.exitCode !== null || handle.child.signalCode !== null) return;
  handle.child.kill('SIGTERM');
  const stopped = await Promise.race([handle.exited, sleep(5_000).then(() => null)]);
  if (!stopped) {
    handle.child.kill('SIGKILL');
    await handle.exited;
  }
}

export async function stopAll() {
  await Promise.all([...running].map(stopChild));
}

/** Children must not outlive the bench, whether it ends normally, fails or is interrupted. */
export function stopChildrenOnExit() {
  process.on('exit', () => {
    for (const handle of running) handle.child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping child servers`);
      stopAll().finally(() => process.exit(130));
    });
  }
}
