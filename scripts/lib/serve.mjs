/** Starts tests/e2e/support/serve.mjs for a dist folder on free ports (gzip: compress as static hosts do); resolves with its origin and a stop function. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export async function serveDist(root, distDir, port, { gzip = false } = {}) {
  const child = spawn(process.execPath, [join(root, 'tests/e2e/support/serve.mjs')], {
    env: { ...process.env, DIST_DIR: distDir, E2E_SITE_PORT: String(port), E2E_HOST_PORT: String(port + 1), BASE_PATH: '', SERVE_GZIP: gzip ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${origin}/__e2e/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { origin, stop: () => child.kill() };
}
