#!/usr/bin/env node
/**
 * npm run cms: edit the story in the browser, on this machine.
 *
 * Starts decap-server (Decap CMS's local proxy, which reads and writes the
 * files of this checkout) and `astro dev`, which serves the CMS at
 * http://localhost:4321/admin/. Saves change files under content/; commit
 * them on a branch and open a pull request as for a hand edit (CI runs
 * npm run validate on it). With MODE=git, decap-server commits each save
 * itself. CMS_PROXY_PORT (default 8081) moves the proxy, CMS_SITE_PORT (4321) the site.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.CMS_PROXY_PORT ?? '8081';
const sitePort = process.env.CMS_SITE_PORT ?? '4321';
const children = [
  spawn(process.execPath, ['node_modules/decap-server/dist/index.js'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: port, GIT_REPO_DIRECTORY: root, MODE: process.env.MODE ?? 'fs' },
  }),
  spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', sitePort], { cwd: root, stdio: 'inherit', env: process.env }),
];
const query = port === '8081' ? '' : `?proxy_port=${port}`;
console.log(`\ncms: open http://localhost:${sitePort}/admin/${query} and click Login (local mode; saves go to content/)\n`);
const stop = () => children.forEach((c) => c.kill());
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
