/**
 * One collection list: COLLECTIONS (src/schemas/index.ts) is the only list of
 * collections. Every consumer (Astro's content config, the story loader and
 * its Story type, the integrity checks, `npm run validate` and the CMS form)
 * must cover exactly its collections, so a new collection is added once.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'astro/zod';
import { collections } from '../../src/content.config';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName, type RefResolver } from '../../src/schemas';
import { loadStory } from '../../src/lib/story/store';
import type { Story } from '../../src/lib/story/story';
import { findProblems } from '../../src/lib/story/integrity';
import { validateContent } from '../../src/lib/story/validate';
import { CMS_COLLECTIONS, generateCmsConfig, relationsOf } from '../../src/cms/config';
import { NOT_IN_CMS } from '../../src/cms/hints';
import { loadContent } from './support/load-content';

const names = Object.keys(COLLECTIONS).sort();

describe('the collection list', () => {
  it('names every collection once, in the order COLLECTION_NAMES gives', () => {
    expect(COLLECTION_NAMES).toEqual(Object.keys(COLLECTIONS));
    expect(names.length).toBeGreaterThanOrEqual(9);
  });

  it('is what content.config.ts defines, one glob loader per folder', () => {
    expect(Object.keys(collections).sort()).toEqual(names);
    for (const name of COLLECTION_NAMES) {
      const c = collections[name] as unknown as { loader: { name: string }; schema: unknown };
      expect(c.schema).toBe(COLLECTIONS[name].schema);
      expect(c.loader.name).toBe('glob-loader');
    }
  });

  it('is what the story loader reads, and the keys of the Story it returns', async () => {
    const asked: string[] = [];
    const story = await loadStory(async (name) => {
      asked.push(name);
      return [];
    });
    expect(asked.sort()).toEqual(names);
    expect(Object.keys(story).sort()).toEqual(names);
    // The Story type is derived from the list: one key per collection, no more, no fewer.
    expectTypeOf<keyof Story>().toEqualTypeOf<CollectionName>();
  });

  it('is what npm run validate counts', () => {
    expect(Object.keys(validateContent('content').counts).sort()).toEqual(names);
  });

  it('is what the CMS form covers: each collection is edited there or listed as not edited', () => {
    expect([...CMS_COLLECTIONS, ...NOT_IN_CMS].sort()).toEqual(names);
    expect(generateCmsConfig().config.collections).toHaveLength(CMS_COLLECTIONS.length);
  });

  it('refuses, in the CMS generator, a collection that is in neither CMS list', () => {
    const list = NOT_IN_CMS as unknown as string[];
    const saved = list.pop()!;
    try {
      expect(() => generateCmsConfig()).toThrow(`collection "${saved}" is in neither CMS_COLLECTIONS nor NOT_IN_CMS`);
    } finally {
      list.push(saved);
    }
  });
});

/** The JSON Schema of a field path ("steps.event"), walking through lists, or undefined when the schema has no such field. */
function fieldSchema(schema: z.ZodType, path: string): Record<string, unknown> | undefined {
  let node: any = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  for (const key of path.split('.')) {
    while (node && (node.items || node.anyOf)) node = node.items ?? node.anyOf.find((b: any) => b.type !== 'null');
    node = node?.properties?.[key];
  }
  return node;
}

describe('the reference fields declared beside each collection', () => {
  it.each(COLLECTION_NAMES)('%s: every reference names a field of its schema and a collection of the list', (name) => {
    for (const [path, target] of Object.entries(COLLECTIONS[name].refs as Record<string, string | RefResolver>)) {
      expect(fieldSchema(COLLECTIONS[name].schema, path), `${name}.${path}`).toBeDefined();
      if (typeof target === 'string') expect(names, `${name}.${path} → ${target}`).toContain(target);
    }
  });

  it('are the CMS form\'s pick lists', () => {
    expect(relationsOf('instruments')).toMatchObject({ 'steps.event': 'events', proposedIn: 'instruments' });
    expect(relationsOf('corrections')).toEqual({});
  });

  it('are what the integrity checks follow: a broken id in every declared field of every collection is named', () => {
    const story = structuredClone(loadContent('content').story) as Story;
    const expected: string[] = [];
    for (const name of COLLECTION_NAMES) {
      for (const [path, target] of Object.entries(COLLECTIONS[name].refs as Record<string, string | RefResolver>)) {
        if (typeof target !== 'string') continue;
        // Break the field on the first entry that has it, at its first id.
        for (const entry of story[name] as { filePath: string; data: any }[]) {
          const keys = path.split('.');
          let holder: any = entry.data;
          let field = '';
          for (const key of keys.slice(0, -1)) {
            const v = holder?.[key];
            holder = Array.isArray(v) ? v[0] : v;
            field += `${field ? '.' : ''}${key}${Array.isArray(v) ? '[0]' : ''}`;
          }
          const last = keys[keys.length - 1]!;
          const v = holder?.[last];
          if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
          if (Array.isArray(v)) v[0] = `no-such-${target}`;
          else holder[last] = `no-such-${target}`;
          expected.push(`${entry.filePath} → ${field ? `${field}.` : ''}${last}${Array.isArray(v) ? '[0]' : ''}: unknown ${target.replace(/s$/, '')} "no-such-${target}"`);
          break;
        }
      }
    }
    expect(expected.length).toBeGreaterThan(20);
    const problems = findProblems(story);
    for (const line of expected) expect(problems).toContain(line);
  });
});
