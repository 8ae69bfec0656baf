/**
 * The link checker (scripts/check-links.mjs) on fixture sites: it passes a
 * whole site and reports every kind of broken link, anchor, asset and base
 * escape with file and line. (`npm run test:links` runs it on dist/.)
 */
import { describe, expect, it } from 'vitest';
import { canonicalProblem, checkLinks, elementUrls, externalUrlProblem, formatProblem, loadsOnOpen, parseSrcset } from '../../scripts/check-links.mjs';
import { cssUrls, scanHtml } from '../../scripts/lib/html.mjs';
import { fixture } from './support.ts';

describe('parsing', () => {
  it('splits srcset candidates the way browsers do (commas inside URLs, descriptors)', () => {
    expect(parseSrcset('/a.png 1x, /b.png 2x')).toEqual(['/a.png', '/b.png']);
    expect(parseSrcset('/a.png?v=1,2 100w,/b.png')).toEqual(['/a.png?v=1,2', '/b.png']);
    // Without whitespace the comma belongs to the URL (HTML spec), as browsers read it.
    expect(parseSrcset('/a.png,/b.png')).toEqual(['/a.png,/b.png']);
    expect(parseSrcset('/a.png, /b.png')).toEqual(['/a.png', '/b.png']);
    expect(parseSrcset(' /a.png (max-width: 1px, x) 1x , ')).toEqual(['/a.png']);
    expect(parseSrcset('')).toEqual([]);
  });

  it('finds url() and @import in CSS, skipping comments and url(#id)', () => {
    const css = '/* url(/no.png) */\n@import "./x.css";\na{background:url( "/a b.png" )}\nb{mask:url(#m)}\nc{src:url(f.woff2)}';
    expect(cssUrls(css)).toEqual([
      { value: './x.css', line: 2, col: 1 },
      { value: '/a b.png', line: 3, col: 14 },
      { value: 'f.woff2', line: 5, col: 7 },
    ]);
  });

  it('reads every URL-bearing attribute, including meta refresh and srcset', () => {
    const urls = scanHtml(
      '<meta http-equiv="refresh" content="0; url=/new/"><img src="/a.png" srcset="/a.png 1x, /b.png 2x"><object data="/o.svg"></object><form action="/f/"></form><use xlink:href="#i"></use><base href="/x/">',
    ).flatMap((el) => elementUrls(el).map((u) => `${el.name} ${u.attr}=${u.value}`));
    expect(urls).toEqual(['meta content=/new/', 'img src=/a.png', 'img srcset=/a.png', 'img srcset=/b.png', 'object data=/o.svg', 'form action=/f/', 'use xlink:href=#i']);
  });

  it('knows which URLs the browser fetches as the page opens (and so may not leave the site)', () => {
    const loads = scanHtml(
      '<a href="https://x.org/">a</a><link rel="preconnect" href="https://x.org"><link rel="DNS-Prefetch" href="//x.org"><link rel="canonical" href="https://x.org/"><link rel="alternate" href="https://x.org/feed"><img src="https://x.org/i.png"><form action="https://x.org/f"></form><blockquote cite="https://x.org/q"></blockquote>',
    ).flatMap((el) => elementUrls(el).map((u) => `${el.name}:${loadsOnOpen(el, u.attr)}`));
    expect(loads).toEqual(['a:false', 'link:true', 'link:true', 'link:false', 'link:false', 'img:true', 'form:false', 'blockquote:false']);
  });

  it('checks external URLs for form only', () => {
    expect(externalUrlProblem('https://example.org/x?y#z')).toBeNull();
    expect(externalUrlProblem('//example.org/')).toBeNull();
    expect(externalUrlProblem('https://')).toBe('external URL does not parse');
    expect(externalUrlProblem('ftp://example.org/')).toMatch(/must be http\(s\)/);
  });

  it('wants the canonical URL absolute (its path is then checked like a link)', () => {
    expect(canonicalProblem('https://example.org/sub/a/')).toBeNull();
    expect(canonicalProblem('/a/')).toMatch(/absolute http\(s\) URL/);
    expect(canonicalProblem('//example.org/a/')).toMatch(/not protocol-relative/);
  });
});

describe('checkLinks on fixture sites', () => {
  it('passes a site whose links, anchors, srcsets and CSS urls all resolve', () => {
    const { problems, pages, urls, external } = checkLinks(fixture('good'));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(pages).toBe(5);
    expect(urls).toBeGreaterThan(20);
    expect(external).toBe(7); // 2 links + 5 canonicals: form-checked, never fetched
  });

  it('reports each broken link, anchor and asset with file, line and reason', () => {
    const lines = checkLinks(fixture('broken')).problems.map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        'index.html:7:1  <link rel=canonical> "https://example.org/gone/"  no such page in dist (gone/index.html missing)',
        '_astro/bad.css:1:33  css url() "/_astro/missing-font.woff2"  no such file in dist (_astro/missing-font.woff2)',
        'index.html:15:4  <a href> "/nope/"  no such page in dist (nope/index.html missing)',
        'index.html:16:4  <a href> "#missing"  no element with id="missing" in this page',
        'index.html:17:4  <a href> "/a/#nowhere"  no element with id="nowhere" in a/index.html',
        `index.html:18:4  <a href> "/a"  folder URL without its trailing slash (the site uses trailingSlash: 'always')`,
        'index.html:19:4  <a href> "javascript:void(0)"  javascript: URL (blocked by the CSP; use a real link or button)',
        'index.html:20:4  <a href> "https://"  external URL does not parse',
        'index.html:21:4  <a href> "ftp://example.org/file"  unsupported URL scheme ftp:',
        'index.html:22:4  <img src> "/missing.png"  no such file in dist (missing.png)',
        'index.html:23:4  <img srcset> "/missing-2x.png"  no such file in dist (missing-2x.png)',
        'index.html:24:1  <style> url() "/missing-bg.png"  no such file in dist (missing-bg.png)',
        'index.html:25:4  <img src> "https://images.example.org/x.png"  loads a resource from another host (images.example.org) when the page opens: the site must be self-contained',
      ]),
    );
    expect(lines).toHaveLength(13);
  });

  it('flags URLs that escape the base path of a sub-path build, and only those', () => {
    const { problems } = checkLinks(fixture('subpath'), { basePath: '/sub/' });
    expect(problems.map(formatProblem)).toEqual([
      'index.html:7:1  <link rel=canonical> "https://example.org/"  escapes the base path /sub/ (root-relative link without the base?)',
      '_astro/s.css:1:17  css url() "/_astro/escaping.png"  escapes the base path /sub/ (root-relative link without the base?)',
      'index.html:9:1  <link href> "/favicon.svg"  escapes the base path /sub/ (root-relative link without the base?)',
      'index.html:14:4  <a href> "/a/"  escapes the base path /sub/ (root-relative link without the base?)',
      'index.html:14:54  <a href> "../a/"  escapes the base path /sub/ (root-relative link without the base?)',
    ]);
  });

  it('treats the same sub-path build as broken when checked without its base', () => {
    const { problems } = checkLinks(fixture('subpath'));
    expect(problems.some((p) => p.url === '/sub/a/' && p.message.startsWith('no such page'))).toBe(true);
  });

  it('refuses to pass on a missing build', () => {
    expect(() => checkLinks('/nonexistent-dist')).toThrow(/Built site not found/);
  });
});
