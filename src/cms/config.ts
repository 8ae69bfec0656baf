/**
 * The CMS configuration, generated from the zod schemas (src/schemas) and the
 * hints (src/cms/hints.ts), so the schemas stay the one source of truth.
 *
 * Each collection's schema is converted with zod's own JSON Schema export
 * (z.toJSONSchema, the export Astro uses for .astro/collections/*.schema.json),
 * tagging the shared building blocks (ids, days, partial dates, citations) as
 * it goes. Each JSON Schema property then becomes a Decap/Sveltia field:
 * enums a select, ids a relation to the collection the hints name, dates a
 * string checked by pattern, citations a list whose source is picked from
 * the sources, and so on. `npm run cms:config` writes the result to
 * src/admin/config.yml; tests/unit/cms-config.test.ts fails when the
 * committed file is out of date.
 *
 * Also returned: the save rules the formatter (src/cms/format.ts) needs to
 * write what the form cannot express: which empty fields mean null, which
 * text fields hold numbers.
 */
import { z } from 'astro/zod';
import { CitationSchema, COLLECTION_NAMES, COLLECTIONS, IdSchema, IsoDaySchema, PartialDateSchema, type CollectionName } from '../schemas';
import { BODY_GUIDE, CMS_COLLECTIONS, DATE_HINT, DAY_HINT, HINTS, NOT_IN_CMS, type CollectionHints } from './hints';
import { formatName } from './formats';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: (string | number)[];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  format?: string;
  pattern?: string;
  'x-kind'?: 'id' | 'day' | 'date' | 'citation';
};

export type Field = {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  pattern?: [string, string];
  fields?: Field[];
  [option: string]: unknown;
};

export interface SaveRules {
  /** Per collection: field paths (dotted, list items not counted) where an empty value is written as null. */
  nulls: Record<string, string[]>;
  /** Per collection: field paths where a text that reads as a number is written as a number. */
  numbers: Record<string, string[]>;
  /**
   * Per collection: field paths holding a citation or a list of citations. The form edits each as
   * { source, credits, note }; the file keeps the short form "source-id" when there is nothing else.
   */
  citations: Record<string, string[]>;
}

/** The pattern every date field is checked by in the form; the real-day check is validate's. */
export const PARTIAL_DATE_PATTERN = '^\\d{4}-\\d{2}(-\\d{2})?$';
export const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

export { CMS_COLLECTIONS };

/**
 * Fields that hold ids, with the collection each id is picked from: the
 * collection's `refs` in the collection list. A reference whose target
 * depends on its value (a correction's page) is edited as text.
 */
export function relationsOf(collection: CollectionName): Record<string, CollectionName> {
  const refs = COLLECTIONS[collection].refs as Record<string, unknown>;
  return Object.fromEntries(Object.entries(refs).filter((r): r is [string, CollectionName] => typeof r[1] === 'string'));
}

const REFS_FILE = 'src/schemas/index.ts (COLLECTIONS refs)';

function jsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const s = ctx.zodSchema as unknown;
      const j = ctx.jsonSchema as JsonSchema;
      if (s === IdSchema) j['x-kind'] = 'id';
      else if (s === IsoDaySchema) j['x-kind'] = 'day';
      else if (s === PartialDateSchema) j['x-kind'] = 'date';
      else if (s === CitationSchema) j['x-kind'] = 'citation';
    },
  }) as JsonSchema;
}

const words = (name: string) => {
  const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

const relation = (collection: CollectionName, multiple: boolean): { widget: 'relation' } & Record<string, unknown> => {
  const identifier = HINTS[collection as keyof typeof HINTS]?.identifier ?? 'name';
  return {
    widget: 'relation',
    collection,
    value_field: '{{slug}}',
    search_fields: [identifier],
    display_fields: [identifier],
    ...(multiple ? { multiple: true } : {}),
  };
};

/** A citation: the source picked from the list, with whom it credits and a note. */
function citationFields(): Field[] {
  return [
    { name: 'source', label: 'Source', ...relation('sources', false), required: true },
    { name: 'credits', label: 'Credits', widget: 'string', required: false, hint: 'Whom the article credits for this fact, e.g. "Bloomberg (June 24, 2026)".' },
    { name: 'note', label: 'Note', widget: 'string', required: false, hint: 'Where in the article, or how it puts it.' },
  ];
}

class Generator {
  readonly usedHints = new Set<string>();
  readonly nulls: string[] = [];
  readonly numbers: string[] = [];
  readonly citations: string[] = [];
  readonly relations: Record<string, CollectionName>;
  constructor(
    readonly collection: CollectionName,
    readonly hints: CollectionHints,
  ) {
    this.relations = relationsOf(collection);
  }

  fail(path: string, message: string, file = 'src/cms/hints.ts'): never {
    throw new Error(`${file}: ${this.collection}.${path}: ${message}`);
  }

  /** The field for property `name` at dotted `path`. */
  field(name: string, path: string, schema: JsonSchema, required: boolean): Field {
    const extra = this.hints.fields?.[path];
    if (extra) this.usedHints.add(`fields:${path}`);
    const base = { name, label: extra?.label ?? words(name), required, ...(extra?.hint ? { hint: extra.hint } : {}) };
    const branches = schema.anyOf ?? [];
    const nonNull = branches.filter((b) => b.type !== 'null');
    if (branches.length && nonNull.length < branches.length) {
      // Nullable: optional in the form, written as null when left empty.
      this.nulls.push(path);
      return this.field(name, path, nonNull.length === 1 ? (nonNull[0] as JsonSchema) : { anyOf: nonNull }, false);
    }
    if (branches.length) {
      if (schema['x-kind'] === 'citation') {
        this.citations.push(path);
        return { ...base, widget: 'object', fields: citationFields(), hint: extra?.hint ?? 'The source, picked from the list.' };
      }
      // A day or a number (a claim position's value): typed as text, written as a number when it is one.
      if (nonNull.some((b) => b['x-kind'] === 'day') && nonNull.some((b) => b.type === 'number')) {
        this.numbers.push(path);
        return { ...base, widget: 'string', pattern: ['^(\\d{4}-\\d{2}-\\d{2}|-?\\d+(\\.\\d+)?)$', 'A day "YYYY-MM-DD" or a number'] };
      }
      // A site path or an entry reference (a correction's page): edited as the path.
      const text = nonNull.find((b) => b.type === 'string');
      if (text) return this.field(name, path, text, required);
      this.fail(path, 'a choice of types the form cannot edit; add a hint');
    }
    const relationTarget = this.relations[path];
    if (relationTarget) this.usedHints.add(`relations:${path}`);
    switch (schema.type) {
      case 'string': {
        if (schema['x-kind'] === 'date') {
          return { ...base, widget: 'string', pattern: [PARTIAL_DATE_PATTERN, 'YYYY-MM-DD, or YYYY-MM when the sources give only the month'], hint: extra?.hint ?? DATE_HINT };
        }
        if (schema['x-kind'] === 'day') {
          return { ...base, widget: 'string', pattern: [DAY_PATTERN, 'YYYY-MM-DD'], hint: extra?.hint ?? DAY_HINT };
        }
        if (schema['x-kind'] === 'id') {
          if (!relationTarget) this.fail(path, 'holds an id: name the collection it is picked from in its collection\'s refs', REFS_FILE);
          return { ...base, ...relation(relationTarget, false) };
        }
        if (schema.enum) return { ...base, widget: 'select', options: schema.enum };
        const long = this.hints.text?.includes(path);
        if (long) this.usedHints.add(`text:${path}`);
        const out: Field = { ...base, widget: long ? 'text' : 'string' };
        if (schema.format === 'uri') out.pattern = ['^https?://\\S+$', 'An address starting with https://'];
        else if (schema.pattern) out.pattern = [schema.pattern, 'Not in the expected form'];
        else if (schema.maxLength) out.pattern = [`^[\\s\\S]{0,${schema.maxLength}}$`, `At most ${schema.maxLength} characters`];
        return out;
      }
      case 'boolean':
        return { ...base, widget: 'boolean', default: false };
      case 'number':
      case 'integer': {
        const out: Field = { ...base, widget: 'number', value_type: schema.type === 'integer' ? 'int' : 'float' };
        if (schema.minimum !== undefined) out.min = schema.minimum;
        else if (schema.exclusiveMinimum !== undefined && schema.type === 'integer') out.min = schema.exclusiveMinimum + 1;
        return out;
      }
      case 'object':
        // The fields of an optional object (a question's deadline) are optional in the form: an editor may
        // leave the whole object empty. Within a given object, the schema (npm run validate) still requires them.
        return { ...base, widget: 'object', fields: this.fields(schema, path, !required) };
      case 'array': {
        const items = schema.items ?? {};
        const min = schema.minItems ? { min: schema.minItems } : {};
        if (items['x-kind'] === 'citation') {
          this.citations.push(path);
          return { ...base, widget: 'list', ...min, summary: '{{fields.source}}', fields: citationFields(), hint: extra?.hint ?? 'Pick each source from the list.' };
        }
        if (items['x-kind'] === 'id') {
          if (!relationTarget) this.fail(path, 'holds ids: name the collection they are picked from in its collection\'s refs', REFS_FILE);
          return { ...base, ...relation(relationTarget, true), ...min };
        }
        if (items.type === 'object') return { ...base, widget: 'list', ...min, fields: this.fields(items, path) };
        if (items.type === 'string') return { ...base, widget: 'list', ...min };
        return this.fail(path, `a list of ${JSON.stringify(items.type)} the form cannot edit`);
      }
      default:
        return this.fail(path, `type ${JSON.stringify(schema.type)} the form cannot edit`);
    }
  }

  fields(schema: JsonSchema, prefix = '', optionalParent = false): Field[] {
    const required = new Set(schema.required ?? []);
    return Object.entries(schema.properties ?? {}).map(([name, prop]) =>
      this.field(name, prefix ? `${prefix}.${name}` : name, prop, required.has(name) && !optionalParent),
    );
  }

  /** Every hint must have been used: a hint naming no field is a typo. */
  checkHints(): void {
    for (const path of Object.keys(this.relations)) {
      if (!this.usedHints.has(`relations:${path}`)) this.fail(path, 'the reference (refs) names no field of the schema', REFS_FILE);
    }
    const named = [...(this.hints.text ?? []).map((p) => `text:${p}`), ...Object.keys(this.hints.fields ?? {}).map((p) => `fields:${p}`)];
    for (const hint of named) if (!this.usedHints.has(hint)) this.fail(hint.split(':')[1] as string, `the hint (${hint.split(':')[0]}) names no field of the schema`);
  }
}

export interface Generated {
  config: Record<string, unknown>;
  rules: SaveRules;
}

/** The whole CMS configuration and the formatter's save rules. Throws, naming the hint, when they disagree with the schemas. */
export function generateCmsConfig(): Generated {
  const rules: SaveRules = { nulls: {}, numbers: {}, citations: {} };
  const placed = new Set<string>([...CMS_COLLECTIONS, ...NOT_IN_CMS]);
  for (const name of COLLECTION_NAMES) {
    if (!placed.has(name)) throw new Error(`src/cms/hints.ts: collection "${name}" is in neither CMS_COLLECTIONS nor NOT_IN_CMS`);
  }
  const collections = CMS_COLLECTIONS.map((name) => {
    const hints = HINTS[name];
    const gen = new Generator(name, hints);
    const fields = gen.fields(jsonSchema(COLLECTIONS[name].schema));
    gen.checkHints();
    if (!fields.some((f) => f.name === hints.identifier)) gen.fail(hints.identifier, 'identifier names no field');
    rules.nulls[name] = gen.nulls;
    rules.numbers[name] = gen.numbers;
    rules.citations[name] = gen.citations;
    const isMdx = COLLECTIONS[name].pattern.endsWith('.mdx');
    if (isMdx) fields.push({ name: 'body', label: 'Body', widget: 'text', required: true, hint: BODY_GUIDE });
    return {
      name,
      label: hints.label,
      label_singular: hints.singular,
      description: hints.description,
      folder: `content/${name}`,
      extension: isMdx ? 'mdx' : 'yaml',
      format: formatName(name, isMdx),
      create: true,
      delete: false,
      identifier_field: hints.identifier,
      slug: '{{slug}}',
      summary: hints.summary,
      sortable_fields: fields.some((f) => f.name === 'date') ? ['date', hints.identifier] : [hints.identifier],
      fields,
    };
  });
  const config = {
    // Generated by `npm run cms:config` from src/schemas and src/cms/hints.ts. Do not edit by hand.
    backend: { name: 'git-gateway', branch: 'main', commit_messages: { create: 'Add {{collection}} “{{slug}}”', update: 'Update {{collection}} “{{slug}}”', delete: 'Delete {{collection}} “{{slug}}”' } },
    local_backend: true,
    media_folder: 'public/media',
    public_folder: '/media',
    site_url: '/',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections,
  };
  return { config, rules };
}
