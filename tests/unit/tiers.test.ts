/**
 * The one-way data flow, as the README's map states it: src/lib/util ← story ← views ← outputs, and the chart
 * functions (src/charts) and islands take only util-level code (and types) from src/lib. A value import that points
 * back up a tier fails here, naming the file and the import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const TIERS = ['util', 'story', 'views', 'outputs'] as const;
const root = resolve('src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : /\.ts$/.test(d.name) ? [join(dir, d.name)] : []));
}

/** Value imports (not `import type`) of a file, resolved to paths under src/. */
export function valueImports(file: string, text = readFileSync(file, 'utf8')): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'(\.[^']+)'/gm)) {
    if (m[1]) continue;
    out.push(relative(root, resolve(dirname(file), m[2]!)));
  }
  return out;
}

const tierOf = (path: string): number => TIERS.indexOf(path.split('/')[1] as (typeof TIERS)[number]);

describe('src/lib tiers', () => {
  it('every file of src/lib is in a tier folder', () => {
    expect(files(join(root, 'lib')).map((f) => relative(root, f)).filter((f) => tierOf(f) < 0)).toEqual([]);
  });

  it('no file imports a value from a later tier', () => {
    const upward = files(join(root, 'lib')).flatMap((f) => {
      const from = relative(root, f);
      return valueImports(f)
        .filter((to) => to.startsWith('lib/') && tierOf(to) > tierOf(from))
        .map((to) => `${from} → ${to}`);
    });
    expect(upward).toEqual([]);
  });

  it('chart functions and islands import only util-level values from src/lib', () => {
    const wrong = [...files(join(root, 'charts')), ...files(join(root, 'islands')), ...files(join(root, 'embed'))].flatMap((f) =>
      valueImports(f)
        .filter((to) => to.startsWith('lib/') && !to.startsWith('lib/util/'))
        .map((to) => `${relative(root, f)} → ${to}`),
    );
    expect(wrong).toEqual([]);
  });

  it('catches an upward import (the check can fail)', () => {
    const fake = join(root, 'lib/story/fake.ts');
    expect(valueImports(fake, "import { trackerRows } from '../views/tracker';\nimport type { Row } from '../outputs/datasets';\n")).toEqual(['lib/views/tracker']);
  });
});
