#!/usr/bin/env node
/**
 * First step of npm test: stops with one clear line when the machine lacks
 * what the browser tests (Chromium) or the HTML checker (Java) need, naming
 * the one command that provides both. Otherwise it prints what it found.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The Chromium the tests will use: CHROMIUM_PATH, Debian's, or Playwright's own download. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const own = chromium.executablePath();
    return own && existsSync(own) ? own : null;
  } catch {
    return null;
  }
}

const isMain = process.argv[1] && import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const chromium = findChromium();
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const missing = [!chromium && 'Chromium (browser tests)', java.status !== 0 && 'Java (HTML checker)'].filter(Boolean);
  if (missing.length) {
    console.error(`npm test: missing ${missing.join(' and ')}. Run \`npm run setup\` once (apt-get installs Debian's chromium and a Java runtime; needs root or sudo), then npm test again.`);
    process.exit(1);
  }
  console.log(`preflight: chromium ${chromium}; ${(java.stderr || java.stdout).split('\n')[0]}`);
}
