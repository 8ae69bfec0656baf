/**
 * Loads a content folder the way Astro's glob loader does (YAML data files,
 * MDX frontmatter) and validates it with the same schemas, so unit tests can
 * check real and fixture content without running a build.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { COLLECTIONS } from '../../../src/schemas';
import type { CollectionName, Story } from '../../../src/lib/story/story';

export interface Loaded {
  story: Story;
  /** "file → field: message" for every entry that failed its schema. */
  errors: string[];
}

function parseFile(path: string): { data: unknown; body?: string } {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.mdx')) return { data: yaml.load(text) };
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${path}: no frontmatter`);
  return { data: yaml.load(m[1] as string), body: m[2] as string };
}

export function loadContent(root: string): Loaded {
  const errors: string[] = [];
  const story = {} as Story;
  for (const [name, { schema, pattern }] of Object.entries(COLLECTIONS) as [CollectionName, (typeof COLLECTIONS)[CollectionName]][]) {
    const dir = join(root, name);
    const ext = pattern.slice(1);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort() : [];
    (story as any)[name] = files.flatMap((file) => {
      const path = join(dir, file);
      const filePath = relative(process.cwd(), path);
      const { data, body } = parseFile(path);
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) errors.push(`${filePath} → ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
        return [];
      }
      return [{ id: file.slice(0, -ext.length), filePath, data: parsed.data, ...(body !== undefined ? { body } : {}) }];
    });
  }
  return { story, errors };
}
