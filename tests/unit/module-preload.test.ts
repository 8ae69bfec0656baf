import { describe, expect, it } from 'vitest';
import { addModulePreloads, staticImports } from '../../src/integrations/module-preload';

const files: Record<string, string> = {
  '/_astro/page.js': 'import{a as t}from"./d3.js";import"./copy.js";const x=()=>import("./lazy.js");t(x);',
  '/_astro/d3.js': 'import{b}from"./d3-core.js";export const a=b;',
  '/_astro/d3-core.js': 'export const b=1;',
  '/_astro/copy.js': 'import{b}from"./d3-core.js";b;',
  '/_astro/lazy.js': 'export default 1;',
};
const read = (url: string) => files[url] ?? null;

describe('module preloads', () => {
  it('follows static imports transitively, once each, and never dynamic ones', () => {
    expect(staticImports('/_astro/page.js', read)).toEqual(['/_astro/d3.js', '/_astro/d3-core.js', '/_astro/copy.js']);
  });

  it('adds one link per chunk to <head>, and nothing to a page without module scripts', () => {
    const html = '<html><head><title>t</title></head><body><script type="module" src="/_astro/page.js"></script></body></html>';
    const out = addModulePreloads(html, read);
    expect(out).toContain(
      '<link rel="modulepreload" href="/_astro/d3.js"><link rel="modulepreload" href="/_astro/d3-core.js"><link rel="modulepreload" href="/_astro/copy.js"></head>',
    );
    expect(out).not.toContain('lazy.js');
    expect(addModulePreloads(out, read)).toBe(out);
    const plain = '<html><head></head><body><p>No scripts</p></body></html>';
    expect(addModulePreloads(plain, read)).toBe(plain);
  });

  it('fails the build when a page refers to a module that was not built', () => {
    const html = '<html><head></head><body><script type="module" src="/_astro/missing.js"></script></body></html>';
    expect(() => addModulePreloads(html, read)).toThrow(/missing\.js is referenced but was not built/);
  });
});
