/**
 * The glue between the CMS page and src/cms/format.ts: the format name the
 * generated configuration gives each collection, and the call that registers
 * those formats with the CMS (Decap's CMS.registerCustomFormat(name,
 * extension, { fromFile, toFile })) in place of its own YAML writer. Each
 * collection has its own format because each has its own save rules.
 */
import { makeCmsFormat, type FormatRules } from './format';

export const formatName = (collection: string, mdx: boolean) => `distillation-${mdx ? 'frontmatter' : 'yaml'}-${collection}`;

interface SaveRulesFile {
  nulls: Record<string, string[]>;
  numbers: Record<string, string[]>;
  citations: Record<string, string[]>;
}

interface CmsApi {
  registerCustomFormat(
    name: string,
    extension: string,
    format: { fromFile(text: string): object; toFile(data: object, sortedKeys?: string[]): string },
  ): void;
}

/** Registers the format of every collection in the configuration; returns the names registered. */
export function registerFormats(cms: CmsApi, rules: SaveRulesFile, collections: { name: string; format: string; extension: string }[]): string[] {
  return collections.map((c) => {
    const mdx = c.extension === 'mdx';
    if (c.format !== formatName(c.name, mdx)) throw new Error(`collection ${c.name}: format "${c.format}" is not ${formatName(c.name, mdx)}`);
    const collectionRules: FormatRules = { nulls: rules.nulls[c.name] ?? [], numbers: rules.numbers[c.name] ?? [], citations: rules.citations[c.name] ?? [] };
    const impl = makeCmsFormat(collectionRules, mdx);
    cms.registerCustomFormat(c.format, c.extension, {
      fromFile: (text) => impl.fromFile(text),
      toFile: (data, sortedKeys) => impl.toFile(data as Record<string, unknown>, sortedKeys),
    });
    return c.format;
  });
}
