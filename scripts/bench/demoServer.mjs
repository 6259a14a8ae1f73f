// The built server in demo mode on a fresh SQLite database in a temporary folder, for the browser
// benchmarks (bench:miniapp, bench:admin). `env` adds what the bench serves (H5_DIR, ADMIN_DIR …).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startChild, waitForHealth } from './processes.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startDemoServer(name, env) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `minqing-${name}-`));
  const handle = startChild('server', path.join(repoRoot, 'server', 'dist', 'index.js'), {
    cwd: path.join(repoRoot, 'server'),
    env: {
      NODE_ENV: 'production',
      DEMO_MODE: 'true',
      DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${path.join(dataDir, 'bench.sqlite')}`,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SCHEDULER: 'off',
      ...env,
    },
  });
  await waitForHealth(handle, `http://127.0.0.1:${port}/healthz`);
  return { port, dataDir };
}
