/**
 * `npm run validate`: the content gate without a build. The real content
 * passes; the broken fixture folders and edited copies of content/ fail, and
 * each problem names the file and the field.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { validateContent } from '../../src/lib/story/validate';

/** Runs the CLI as npm does, with the Node running the tests (>= 22.12). */
function cli(...args: string[]) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['scripts/validate.mjs', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, seconds: (performance.now() - started) / 1000 };
}

/** A copy of content/ in a temporary folder, edited by `edit`, validated, then removed. */
function withCopy(edit: (dir: string) => void): string[] {
  const tmp = mkdtempSync(join(tmpdir(), 'validate-'));
  try {
    cpSync('content', tmp, { recursive: true });
    edit(tmp);
    return validateContent(tmp).problems.map((p) => p.replace(`${relative(process.cwd(), tmp)}/`, 'content/'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function replaceIn(dir: string, file: string, from: string | RegExp, to: string) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${file}: ${from} not found`);
  writeFileSync(path, after);
}

describe('validate', () => {
  it('passes the real content and prints a one-line summary, exit 0', () => {
    expect(validateContent('content').problems).toEqual([]);
    const run = cli();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/^validate: content\/ is valid: \d+ files \(\d+ events, \d+ sources/);
    expect(run.seconds).toBeLessThan(30);
  });

  it.each([
    ['bad-date', 'tests/fixtures/bad-date/events/impossible-day.mdx: date: 2026-02-30 is not quoted. Write dates as quoted strings'],
    ['bad-ref', 'tests/fixtures/bad-ref/events/missing-source.mdx: sources[0]: unknown source "no-such-source"'],
  ])('rejects the %s fixture naming the file and the field, exit 1', (fixture, line) => {
    const run = cli(`tests/fixtures/${fixture}`);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toContain(line);
    expect(lines.at(-1)).toMatch(/^validate: 1 problem in tests\/fixtures\//);
  });

  it('reads CONTENT_DIR when no folder is given', () => {
    const run = spawnSync(process.execPath, ['scripts/validate.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: 'tests/fixtures/bad-ref' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('missing-source.mdx: sources[0]');
  });

  it('names an impossible (quoted) date', () => {
    const problems = withCopy((dir) => replaceIn(dir, 'events/alibaba-sues-dod.mdx', /^date: "[^"]+"$/m, 'date: "2026-02-30"'));
    expect(problems).toEqual(['content/events/alibaba-sues-dod.mdx: date: "2026-02-30" is not a real calendar day']);
  });

  it('names an instrument step with an impossible date', () => {
    const problems = withCopy((dir) => replaceIn(dir, 'instruments/hr-8283.yaml', /date: "2026-04-22"/, 'date: "2026-04-31"'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/instruments\/hr-8283\.yaml: steps\[\d+\]\.date: "2026-04-31" is not a real calendar day$/);
  });

  it('names an event without a source', () => {
    const problems = withCopy((dir) => replaceIn(dir, 'events/nstm-4-issued.mdx', /^sources:[^\n]*(\n  - [^\n]*)*/m, 'sources: []'));
    expect(problems).toContain('content/events/nstm-4-issued.mdx: sources: At least one source is required');
  });

  it('names a source id that does not exist', () => {
    const problems = withCopy((dir) => replaceIn(dir, 'actors/anthropic.yaml', /^sources:.*$/m, 'sources: [no-such-article]'));
    expect(problems).toEqual(['content/actors/anthropic.yaml: sources[0]: unknown source "no-such-article"']);
  });

  it('names a negative count', () => {
    const problems = withCopy((dir) => replaceIn(dir, 'campaigns/alibaba-linked.yaml', /(accounts:\n  value:) \d+/, '$1 -5'));
    expect(problems).toEqual(['content/campaigns/alibaba-linked.yaml: accounts.value: Counts cannot be negative']);
  });

  it('names an unknown field and a YAML syntax error', () => {
    const problems = withCopy((dir) => {
      replaceIn(dir, 'actors/bis.yaml', /^sources:/m, 'sorces:');
      replaceIn(dir, 'questions/attribution-method.yaml', /^question: /m, 'question: [unclosed ');
    });
    expect(problems.some((p) => p.startsWith('content/actors/bis.yaml: ') && p.includes('sorces'))).toBe(true);
    expect(problems.some((p) => /^content\/questions\/attribution-method\.yaml: line \d+: /.test(p))).toBe(true);
  });

  it('does not also call an entry that failed its schema "unknown" where others reference it', () => {
    const problems = withCopy((dir) => replaceIn(dir, 'sources/flux-tokentoday.yaml', /^published: .*$/m, 'published: "2026-13-01"'));
    expect(problems).toEqual(['content/sources/flux-tokentoday.yaml: published: "2026-13-01" is not a real calendar day']);
  });
});
