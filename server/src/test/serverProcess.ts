import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_KEY, testConfig } from './testApp';

/** The real server (server/src/index.ts) in a process of its own, which a test can kill. */
export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** kill -9: no shutdown, no flushing, transactions cut wherever they are. */
  killHard(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the server on `databaseUrl` (already migrated) with the tests' token secret and data
 * key, so tokens signed with testConfig() are valid; no scheduler, no request limits, no classifier.
 */
export async function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-process-'));
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    ['-r', path.join(__dirname, 'runTypeScript.cjs'), path.join(__dirname, '..', 'index.ts')],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        // The system chooses a free port and the server says which: a port picked here and freed
        // again could be taken by another test's server before this one binds it.
        PORT: '0',
        DATA_DIR: dataDir,
        TOKEN_SECRET: testConfig().tokenSecret,
        DATA_ENCRYPTION_KEY: TEST_KEY.toString('hex'),
        DEMO_MODE: 'false',
        SCHEDULER: 'off',
        RATE_LIMITS: 'off',
        LOG_LEVEL: 'info',
        // As in the other tests: no classifier, so reports without a category go to triage.
        CLASSIFIER_MODEL_PATH: path.join(dataDir, 'no-model'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Transpiling the whole server the first time takes a while on a busy machine.
  const deadline = Date.now() + 180_000;
  let baseUrl = '';
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited before it was ready:\n${output.join('')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after 180 s:\n${output.join('')}`);
    }
    const listening = /listening on http:\/\/localhost:(\d+)/.exec(output.join(''));
    if (listening) baseUrl = `http://127.0.0.1:${listening[1]}`;
    const ready =
      baseUrl !== '' &&
      (await fetch(`${baseUrl}/healthz`).then(
        (response) => response.ok,
        () => false,
      ));
    if (ready) break;
    await sleep(100);
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    // A graceful stop that hangs is ended the hard way.
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { baseUrl, child, killHard: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
