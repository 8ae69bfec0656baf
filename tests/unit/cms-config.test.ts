/**
 * The CMS configuration is generated from the zod schemas and src/cms/hints.ts.
 * The committed files must be what the generator writes today, and the
 * generator must refuse a schema field it cannot give a proper widget.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { renderCmsFiles } from '../../src/cms/render';
import { CMS_COLLECTIONS, DAY_PATTERN, PARTIAL_DATE_PATTERN, generateCmsConfig, type Field } from '../../src/cms/config';
import { COLLECTIONS } from '../../src/schemas';

const ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

function walk(fields: Field[], path: string, visit: (f: Field, path: string) => void) {
  for (const f of fields) {
    const p = path ? `${path}.${f.name}` : f.name;
    visit(f, p);
    if (Array.isArray(f.fields)) walk(f.fields as Field[], p, visit);
  }
}

describe('CMS configuration', () => {
  it.each(Object.keys(renderCmsFiles()))('%s is up to date (run npm run cms:config)', (path) => {
    expect(readFileSync(path, 'utf8')).toBe(renderCmsFiles()[path]);
  });

  const config = parse(readFileSync('src/admin/config.yml', 'utf8'));
  const collections = config.collections as { name: string; folder: string; fields: Field[] }[];

  it('has every collection editors touch, each in its content folder', () => {
    expect(collections.map((c) => c.name).sort()).toEqual(
      ['actors', 'campaigns', 'claims', 'corrections', 'events', 'instruments', 'questions', 'sources'],
    );
    for (const c of collections) expect(c.folder).toBe(`content/${c.name}`);
  });

  it('picks every id from its collection (no id is typed) and checks every date by pattern', () => {
    const names = new Set(collections.map((c) => c.name));
    for (const c of collections) {
      walk(c.fields, '', (f, path) => {
        const where = `${c.name}.${path}`;
        expect(f.pattern?.[0], where).not.toBe(ID_PATTERN);
        if (f.widget === 'relation') {
          expect(names.has(f.collection as string), where).toBe(true);
          expect(f.value_field, where).toBe('{{slug}}');
        }
        if (/(^|\.)(date|endDate|published|notAfter|asOf|from|to)$/.test(path) && f.widget === 'string') {
          expect([PARTIAL_DATE_PATTERN, DAY_PATTERN], where).toContain(f.pattern?.[0]);
        }
      });
    }
    const events = collections.find((c) => c.name === 'events')!;
    const field = (name: string) => events.fields.find((f) => f.name === name)!;
    expect(field('date').pattern?.[0]).toBe('^\\d{4}-\\d{2}(-\\d{2})?$');
    expect(field('actors')).toMatchObject({ widget: 'relation', collection: 'actors', multiple: true });
    expect((field('sources').fields as Field[])[0]).toMatchObject({ name: 'source', widget: 'relation', collection: 'sources' });
    expect(field('body')).toMatchObject({ widget: 'text' });
    expect(field('body').hint).toContain(`<Cite s="source-id" />`);
    expect(field('body').hint).toContain('<Fig of=');
    const steps = collections.find((c) => c.name === 'instruments')!.fields.find((f) => f.name === 'steps')!;
    expect(steps.widget).toBe('list');
    expect((steps.fields as Field[]).map((f) => f.name)).toEqual(['action', 'date', 'dateNote', 'dateClaim', 'notAfter', 'text', 'event', 'sources']);
  });

  it('fails, naming the field, when an id field has no relation hint', () => {
    const refs = COLLECTIONS.events.refs as Record<string, string>;
    const saved = refs.allegedBy;
    delete refs.allegedBy;
    try {
      expect(() => generateCmsConfig()).toThrow('events.allegedBy: holds an id');
    } finally {
      refs.allegedBy = saved!;
    }
  });

  it('fails when a hint names no field (a typo)', () => {
    (COLLECTIONS.actors.refs as Record<string, string>).memberof = 'actors';
    try {
      expect(() => generateCmsConfig()).toThrow('actors.memberof: the reference (refs) names no field');
    } finally {
      delete (COLLECTIONS.actors.refs as Record<string, string>).memberof;
    }
  });

  it('lists the collections in the order the CMS shows them', () => {
    expect(collections.map((c) => c.name)).toEqual([...CMS_COLLECTIONS]);
  });
});
