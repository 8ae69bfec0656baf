/**
 * How the CMS reads and writes content files without losing anything: the
 * custom format the admin page registers (CMS.registerCustomFormat) in place
 * of the CMS's own YAML writer, which drops comments, reorders keys, unquotes
 * dates and rewrites flow lists.
 *
 * - `fromFile(text)` gives the form its data: the YAML (or an MDX file's
 *   frontmatter, with the prose as `body`), with every citation in the long
 *   form { source, credits, note } the form edits.
 * - `toFile(data, original)` writes the entry back by patching the original
 *   YAML document (the `yaml` package's Document API): a value that did not
 *   change keeps its node, with its comments, style and position; a changed
 *   one is replaced in place; a new key goes where the form lists it.
 *   A save that changes nothing returns the original text, byte for byte.
 * - New strings the build's YAML reader (js-yaml) would read as something
 *   else (a date, a number, true) are written in double quotes, so dates stay
 *   strings. Empty optional fields are not written; an empty field the
 *   schema allows to be null is written as null. A citation with nothing but
 *   its source is written in the short form, `source-id`.
 *
 * Pure (no file system, no DOM): the same module runs in the admin page and
 * in tests/unit/cms-roundtrip.test.ts.
 */
import jsyaml from 'js-yaml';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/** Per-collection rules from src/admin/save-rules.json (see src/cms/config.ts). */
export interface FormatRules {
  nulls: string[];
  numbers: string[];
  citations: string[];
}

type Data = Record<string, unknown>;

const FRONTMATTER = /^(---\r?\n)([\s\S]*?\r?\n)?(---)(\r?\n|$)([\s\S]*)$/;
const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

/** The file's YAML and, for MDX, the text around it. */
function split(text: string, mdx: boolean): { yaml: string; head: string; tail: string; body?: string } {
  if (!mdx) return { yaml: text, head: '', tail: '' };
  const m = FRONTMATTER.exec(text);
  if (!m) throw new Error('An event file starts with a line "---", its fields, and another "---"');
  return { head: m[1] as string, yaml: m[2] ?? '', tail: `${m[3]}${m[4]}`, body: m[5] as string };
}

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isEmpty));

const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Applies `fn` to the value at each dotted path (list items not counted). */
function atPaths(value: unknown, paths: string[], fn: (v: unknown) => unknown): unknown {
  const apply = (v: unknown, keys: string[]): unknown => {
    if (Array.isArray(v)) return v.map((item) => apply(item, keys));
    if (keys.length === 0) return fn(v);
    if (!isObject(v) || !(keys[0]! in v)) return v;
    return { ...v, [keys[0]!]: apply(v[keys[0]!], keys.slice(1)) };
  };
  return paths.reduce((v, p) => {
    const keys = p.split('.');
    // A path ending at a list applies to each item: split the last step.
    return apply(v, keys);
  }, value);
}

const expandCitation = (c: unknown) => (typeof c === 'string' ? { source: c } : c);
const collapseCitation = (c: unknown) => {
  if (!isObject(c)) return c;
  const kept = Object.fromEntries(Object.entries(c).filter(([, v]) => !isEmpty(v)));
  return Object.keys(kept).length === 1 && typeof kept.source === 'string' ? kept.source : kept;
};

/** The form's view of an entry: citations in the long form. */
function forForm(data: unknown, rules: FormatRules): Data {
  return atPaths(data, rules.citations, (v) => (Array.isArray(v) ? v.map(expandCitation) : expandCitation(v))) as Data;
}

/** What the file should hold: empties dropped (or null where the schema allows null), numbers, short citations. */
function forFile(data: unknown, rules: FormatRules): Data {
  const nulls = new Set(rules.nulls);
  const clean = (v: unknown, path: string): unknown => {
    if (Array.isArray(v)) {
      const items = v.map((item) => clean(item, path)).filter((item) => item !== undefined);
      return items.length ? items : undefined;
    }
    if (isObject(v)) {
      const out: Data = {};
      for (const [k, child] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        const c = clean(child, p);
        if (c !== undefined) out[k] = c;
        else if (nulls.has(p)) out[k] = null;
      }
      return Object.keys(out).length ? out : undefined;
    }
    if (typeof v === 'string' && v.trim() === '') return undefined;
    if (v === null || v === undefined) return undefined;
    return v;
  };
  let out = (clean(data, '') ?? {}) as Data;
  out = atPaths(out, rules.numbers, (v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)) as Data;
  out = atPaths(out, rules.citations, (v) => (Array.isArray(v) ? v.map(collapseCitation) : collapseCitation(v))) as Data;
  return out;
}

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A new scalar: double-quoted when the build's YAML reader would not read it back as the same string. */
function newScalar(doc: Document, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  if (isScalar(node) && typeof value === 'string') {
    let readBack: unknown;
    try {
      readBack = jsyaml.load(value);
    } catch {
      readBack = undefined;
    }
    if (readBack !== value) node.type = Scalar.QUOTE_DOUBLE;
  }
  return node;
}

/** A new node for `value`, in the files' style: scalars quoted as needed, lists of ids and citation maps in flow style. */
function newNode(doc: Document, value: unknown): Node {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) seq.items.push(newNode(doc, item));
    seq.flow = value.every((v) => typeof v !== 'object' || v === null);
    return seq;
  }
  if (isObject(value)) {
    const map = new YAMLMap();
    for (const [k, v] of Object.entries(value)) map.items.push(doc.createPair(k, newNode(doc, v)) as never);
    map.flow = 'source' in value && Object.values(value).every((v) => typeof v === 'string');
    return map;
  }
  return newScalar(doc, value);
}

/**
 * Patches `node` (holding `before`) to hold `after`. Unchanged values keep their nodes; `order`
 * (top level only) places new keys where the form lists them.
 */
function patch(doc: Document, node: Node | null | undefined, before: unknown, after: unknown, order?: string[]): Node {
  if (node && equal(before, after)) return node;
  if (isMap(node) && isObject(after) && isObject(before)) {
    const pairs = node.items;
    const keyOf = (p: (typeof pairs)[number]) => String(isScalar(p.key) ? p.key.value : p.key);
    for (let i = pairs.length - 1; i >= 0; i--) {
      const k = keyOf(pairs[i]!);
      // Gone from the form: drop it, unless it was already empty in the file (e.g. `instruments: []`).
      if (!(k in after) && !isEmpty(before[k])) pairs.splice(i, 1);
    }
    const rank = (k: string) => {
      const fromOrder = order?.indexOf(k) ?? -1;
      return fromOrder >= 0 ? fromOrder : Object.keys(after).indexOf(k) + (order?.length ?? 0);
    };
    for (const [k, v] of Object.entries(after)) {
      const existing = pairs.find((p) => keyOf(p) === k);
      if (existing) {
        existing.value = patch(doc, existing.value as Node, before[k], v);
        continue;
      }
      const pair = doc.createPair(k, newNode(doc, v)) as (typeof pairs)[number];
      // After the last existing key the form lists before this one.
      let at = 0;
      pairs.forEach((p, i) => {
        if (rank(keyOf(p)) < rank(k)) at = i + 1;
      });
      pairs.splice(at, 0, pair);
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(after) && Array.isArray(before)) {
    const items = node.items as Node[];
    after.forEach((v, i) => {
      items[i] = i < items.length && i < before.length ? patch(doc, items[i], before[i], v) : newNode(doc, v);
    });
    items.length = after.length;
    return node;
  }
  if (isScalar(node) && typeof after !== 'object') {
    // Same place, same quoting style where it still reads back as the same value.
    const fresh = newScalar(doc, after) as Scalar;
    if (node.type !== Scalar.PLAIN && typeof after === 'string' && fresh.type === Scalar.PLAIN) fresh.type = node.type;
    fresh.comment = node.comment;
    fresh.commentBefore = node.commentBefore;
    return fresh;
  }
  return newNode(doc, after);
}

/** Ignores the spaces before a trailing comment, which the yaml package does not keep. */
const commentSpacing = (line: string) => line.replace(/\s+#/, ' #');

/**
 * The document as text, in the files' style: `{ source: x }` padded, `[a, b]` not, and every line
 * that did not change exactly as it was in `original` (the yaml package re-renders the whole
 * document and would otherwise drop the alignment of trailing comments). Each step is kept only
 * if the text still reads back as the same data.
 */
function render(doc: Document, original?: string): string {
  const sameData = (text: string) => equal(parseDocument(text).toJS(), doc.toJS());
  let text = doc.toString(TO_STRING);
  const padded = text.replace(/^(\s*(?:- |[A-Za-z][\w-]*: )+)\{(\S[^\n]*\S)\}$/gm, '$1{ $2 }');
  if (sameData(padded)) text = padded;
  if (original) {
    const old = original.split('\n');
    let at = 0;
    const restored = text.split('\n').map((line) => {
      const i = old.findIndex((o, k) => k >= at && o !== line && commentSpacing(o) === commentSpacing(line));
      if (i < 0 || !line.includes('#')) return line;
      at = i + 1;
      return old[i] as string;
    });
    const joined = restored.join('\n');
    if (sameData(joined)) text = joined;
  }
  return text;
}

export interface Format {
  /** The form's data for a file. */
  fromFile(text: string): Data;
  /** The file for the form's data; `original` is the file as it was, when there was one. */
  toFile(data: Data, original?: string, order?: string[]): string;
}

export function makeFormat(rules: FormatRules, mdx: boolean): Format {
  return {
    fromFile(text) {
      const { yaml, body } = split(text, mdx);
      const doc = parseDocument(yaml);
      if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('\n'));
      const data = forForm(doc.toJS() ?? {}, rules);
      return body !== undefined ? { ...data, body } : data;
    },
    toFile(data, original, order) {
      const { body: newBody, ...fields } = data as Data & { body?: string };
      const after = forFile(fields, rules);
      if (original !== undefined) {
        const parts = split(original, mdx);
        const doc = parseDocument(parts.yaml);
        const before = forFile(doc.toJS() ?? {}, rules);
        const sameBody = !mdx || (newBody ?? '') === (parts.body ?? '');
        if (equal(before, after) && sameBody) return original;
        const yamlText = equal(before, after) ? parts.yaml : (doc.contents = patch(doc, doc.contents as Node, before, after, order) as never, render(doc, parts.yaml));
        return mdx ? `${parts.head}${yamlText}${parts.tail}${newBody ?? ''}` : yamlText;
      }
      const doc = new Document();
      const rank = (k: string) => (order?.includes(k) ? order.indexOf(k) : Number.MAX_SAFE_INTEGER);
      const sorted = Object.fromEntries(Object.entries(after).sort(([a], [b]) => rank(a) - rank(b)));
      doc.contents = newNode(doc, sorted) as never;
      const yamlText = render(doc);
      const prose = (newBody ?? '').replace(/^\n+/, '');
      return mdx ? `---\n${yamlText}---\n${prose ? `\n${prose.endsWith('\n') ? prose : `${prose}\n`}` : ''}` : yamlText;
    },
  };
}

/**
 * The custom format for the CMS (CMS.registerCustomFormat), which calls toFile with the data only.
 * It remembers each file it read, and writes an edited entry onto the file it read that shares
 * most of its values (an unchanged save finds its file exactly, and returns it byte for byte).
 */
export function makeCmsFormat(rules: FormatRules, mdx: boolean) {
  const format = makeFormat(rules, mdx);
  const read: { text: string; data: string; values: Map<string, string> }[] = [];
  const canon = (d: Data) => {
    const { body, ...rest } = d as Data & { body?: string };
    return JSON.stringify({ ...forFile(rest, rules), body: mdx ? (body ?? '') : undefined });
  };
  return {
    fromFile(text: string): Data {
      const data = format.fromFile(text);
      read.push({ text, data: canon(data), values: new Map(Object.entries(JSON.parse(canon(data)) as Data).map(([k, v]) => [k, JSON.stringify(v)])) });
      return data;
    },
    toFile(data: Data, sortedKeys?: string[]): string {
      const key = canon(data);
      const same = read.find((r) => r.data === key);
      if (same) return same.text;
      const values = Object.entries(JSON.parse(key) as Data).map(([k, v]) => [k, JSON.stringify(v)] as const);
      let best: (typeof read)[number] | undefined;
      let bestScore = 0;
      for (const r of read) {
        const score = values.filter(([k, v]) => r.values.get(k) === v).length;
        if (score > bestScore) [best, bestScore] = [r, score];
      }
      const original = best && bestScore * 2 > values.length ? best.text : undefined;
      return format.toFile(data, original, sortedKeys);
    },
  };
}
