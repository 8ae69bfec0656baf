/**
 * The real build stops on bad content and names the file. Each case builds a
 * tiny fixture content folder (tests/fixtures/) into a temporary directory.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function build(fixture: string) {
  const tmp = mkdtempSync(join(tmpdir(), `build-${fixture}-`));
  try {
    const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      encoding: 'utf8',
      timeout: 180_000,
      env: {
        ...process.env,
        CONTENT_DIR: `./tests/fixtures/${fixture}`,
        OUT_DIR: join(tmp, 'dist'),
        ASTRO_CACHE_DIR: join(tmp, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
      },
    });
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

describe('astro build on bad content', () => {
  it.each([
    ['bad-date', 'impossible-day.mdx', 'Write dates as quoted strings'],
    ['bad-ref', 'missing-source.mdx', 'sources[0]: unknown source "no-such-source"'],
    ['bad-deadline', 'step-that-does-not-exist.yaml', 'deadline.fromStep.step: instrument "memo" has no step 2'],
  ])('%s: exits non-zero and names %s', (fixture, file, message) => {
    const { status, output } = build(fixture);
    expect(status).not.toBe(0);
    expect(output).toContain(file);
    expect(output).toContain(message);
  }, 200_000);
});
