/**
 * `npm run validate`: the build's content gate without the build. Reads a
 * content folder the way Astro's glob loader does (js-yaml for YAML files and
 * MDX frontmatter), checks every entry against its zod schema, then runs the
 * cross-entry checks of src/lib/story/integrity.ts over the entries that passed.
 *
 * Every problem is one line, "file: field: message", with the file relative
 * to the working directory, so an editor (or the CMS, or CI) sees which entry
 * and which field to fix. Pure apart from reading the folder; no Astro.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { COLLECTIONS, IdSchema } from '../../schemas';
import { findProblems } from './integrity';
import type { CollectionName, Entry, Story } from './story';

export interface ValidationResult {
  /** One line per problem: "content/events/x.mdx: date: …". Empty when the content is clean. */
  problems: string[];
  /** Files read per collection. */
  counts: Record<CollectionName, number>;
}

/** Astro's frontmatter pattern (@astrojs/internal-helpers/frontmatter). */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;

/** Renders a zod issue path the way integrity.ts does: `steps[2].date`, `sources[0]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(entry)';
}

function parse(path: string): { data: unknown; body?: string; yamlText: string } {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.mdx')) return { data: yaml.load(text), yamlText: text };
  const m = FRONTMATTER.exec(text);
  if (!m) throw new Error('no frontmatter: an event file starts with a line "---", its fields, and another "---"');
  return { data: yaml.load(m[1] as string), body: text.replace(`---${m[1]}---`, ''), yamlText: m[1] as string };
}

/** The value at `path` as typed, read without YAML's timestamp type (so an unquoted date stays text). */
function typedAt(yamlText: string, path: readonly PropertyKey[]): string | undefined {
  let v: unknown = yaml.load(yamlText, { schema: yaml.CORE_SCHEMA });
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** Validates the content folder `root` (e.g. "content" or a fixture folder). */
export function validateContent(root: string, cwd = process.cwd()): ValidationResult {
  const problems: string[] = [];
  const counts = {} as Record<CollectionName, number>;
  const story = {} as Story;
  /** Ids of entries that failed their schema: integrity must not also call them "unknown". */
  const failed = new Set<string>();
  for (const [name, { schema, pattern }] of Object.entries(COLLECTIONS) as [CollectionName, (typeof COLLECTIONS)[CollectionName]][]) {
    const dir = join(root, name);
    const ext = pattern.slice(1);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort() : [];
    counts[name] = files.length;
    const entries: Entry<unknown>[] = [];
    for (const file of files) {
      const filePath = relative(cwd, join(dir, file));
      const id = file.slice(0, -ext.length);
      if (!IdSchema.safeParse(id).success) {
        problems.push(`${filePath}: (file name): "${id}" is not an id; name files in lower-case kebab-case, e.g. "hr-8283${ext}"`);
      }
      let parsed: { data: unknown; body?: string; yamlText: string };
      try {
        parsed = parse(join(dir, file));
      } catch (e) {
        const err = e as Error & { mark?: { line: number; column: number }; reason?: string };
        const where = err.mark ? `line ${err.mark.line + 1}` : '(file)';
        problems.push(`${filePath}: ${where}: ${err.reason ?? err.message.split('\n')[0]}`);
        failed.add(`${name}/${id}`);
        continue;
      }
      const result = schema.safeParse(parsed.data);
      if (!result.success) {
        for (const issue of result.error.issues) {
          // An unquoted date reaches the schema as a Date, already rolled over: name what was typed.
          const typed = issue.message.startsWith('Write dates as quoted') ? typedAt(parsed.yamlText, issue.path) : undefined;
          const message = typed ? `${typed} is not quoted. ${issue.message}` : issue.message;
          problems.push(`${filePath}: ${fieldPath(issue.path)}: ${message}`);
        }
        failed.add(`${name}/${id}`);
        continue;
      }
      entries.push({ id, filePath, data: result.data, ...(parsed.body !== undefined ? { body: parsed.body } : {}) });
    }
    (story as unknown as Record<string, Entry<unknown>[]>)[name] = entries;
  }
  // Cross-entry checks speak "file → field: message"; the CLI speaks "file: field: message".
  // An entry that failed its schema is left out of the story, so references to it would also be reported as
  // "unknown": those follow from the problem already named and are left out.
  const failedIds = new Set([...failed].map((f) => f.slice(f.indexOf('/') + 1)));
  for (const p of findProblems(story)) {
    const quoted = [...p.matchAll(/"([a-z0-9-]+)(?:[.@][^"]*)?"/g)].map((m) => m[1]);
    if (quoted.some((id) => failedIds.has(id as string))) continue;
    problems.push(p.replace(' → ', ': '));
  }
  return { problems, counts };
}
