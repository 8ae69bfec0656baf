/** Launch options for the system Chromium (falls back to Playwright's own), as in playwright.config.ts. */
import { existsSync } from 'node:fs';

export function chromiumLaunchOptions() {
  const path = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const args = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  return { executablePath: path, args };
}
