/**
 * SVG snapshot helper: compares markup with tests/output/<name>.svg. A missing
 * snapshot is written (and the test passes); a mismatch writes
 * <name>-changed.svg beside it and fails, so the difference can be opened.
 * Set UPDATE_SNAPSHOTS=1 to accept changes.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

const DIR = join(process.cwd(), 'tests/output');

export function expectSvgSnapshot(name: string, svg: string): void {
  mkdirSync(DIR, { recursive: true });
  const file = join(DIR, `${name}.svg`);
  const changed = join(DIR, `${name}-changed.svg`);
  if (!existsSync(file) || process.env.UPDATE_SNAPSHOTS === '1') {
    writeFileSync(file, svg);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (expected !== svg) writeFileSync(changed, svg);
  expect(svg, `SVG differs from tests/output/${name}.svg; see ${name}-changed.svg`).toBe(expected);
}
