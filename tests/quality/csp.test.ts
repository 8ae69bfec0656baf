/**
 * Content-Security-Policy of every built page (scripts/lib/csp.mjs): the CSP
 * <meta> is there and first, script-src never allows unsafe-inline/eval,
 * inline blocks are hashed, and there are no onclick= or style= attributes.
 * The checker is also shown failing on small pages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspProblems, parseCsp } from '../../scripts/lib/csp.mjs';
import { listHtmlFiles } from '../../scripts/lib/html.mjs';
import { DIST_DIR } from './support.ts';
import { ADMIN_CSP } from '../../src/integrations/admin.ts';

const isAdmin = (file: string) => path.relative(DIST_DIR, file).split(path.sep)[0] === 'admin';

describe(`CSP of the built site (${DIST_DIR})`, () => {
  it('every page has a strict CSP meta and no inline handlers or style attributes', () => {
    const files = listHtmlFiles(DIST_DIR).filter((f) => !isAdmin(f));
    expect(files.length).toBeGreaterThan(0);
    const problems = files.flatMap((file) =>
      cspProblems(readFileSync(file, 'utf8')).map((p) => `${path.relative(DIST_DIR, file)}:${p.line}${p.col ? `:${p.col}` : ''}  ${p.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('/admin/ (the editors\' CMS) is the one exception, with exactly its own policy', () => {
    const admin = listHtmlFiles(DIST_DIR).filter(isAdmin);
    expect(admin.map((f) => path.relative(DIST_DIR, f))).toEqual([path.join('admin', 'index.html')]);
    const html = readFileSync(admin[0]!, 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)">/g)].map((m) => m[1]);
    expect(metas).toEqual([ADMIN_CSP]);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    // Everything it loads is a file of this site.
    expect([...html.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual(
      ['<script src="manual-init.js">', '<script src="decap-cms.js">', '<script src="admin.js">'],
    );
  });
});

/** A page with the given head/body and a CSP (defaults to a strict one). */
function page({ csp = "default-src 'self'; script-src 'self'; style-src 'self'", head = '', body = '' } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${csp}"><title>t</title>${head}</head><body>${body}</body></html>`;
}
const messages = (html: string) => cspProblems(html).map((p) => p.message);

describe('cspProblems', () => {
  it('passes a strict page', () => {
    expect(messages(page({ body: '<p class="x">ok</p><script type="application/ld+json">{}</script>' }))).toEqual([]);
  });

  it('parses directives (first occurrence wins, names case-insensitive)', () => {
    const csp = parseCsp("Default-Src 'self'; script-src 'self' 'sha256-x=';script-src 'unsafe-inline';");
    expect([...csp]).toEqual([
      ['default-src', ["'self'"]],
      ['script-src', ["'self'", "'sha256-x='"]],
    ]);
  });

  it('fails a page without a CSP meta, or with two', () => {
    expect(messages('<!doctype html><html lang="en"><head><title>t</title></head><body></body></html>')).toContain(
      'expected exactly one CSP <meta http-equiv="content-security-policy">, found 0',
    );
    expect(messages(page({ head: `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">` }))).toContain(
      'expected exactly one CSP <meta http-equiv="content-security-policy">, found 2',
    );
  });

  it("fails script-src with 'unsafe-inline' or 'unsafe-eval', and default-src when it stands in for script-src", () => {
    expect(messages(page({ csp: "script-src 'self' 'unsafe-inline' 'unsafe-eval'" }))).toEqual(
      expect.arrayContaining(["CSP script-src allows 'unsafe-inline'", "CSP script-src allows 'unsafe-eval'"]),
    );
    expect(messages(page({ csp: "default-src 'self' 'unsafe-eval'" }))).toContain("CSP default-src allows 'unsafe-eval'");
    expect(messages(page({ csp: "style-src 'self' 'unsafe-inline'; script-src 'self'" }))).toContain("CSP style-src allows 'unsafe-inline'");
    expect(messages(page({ csp: "img-src 'self'" }))).toContain('CSP has neither script-src nor default-src: scripts are unrestricted');
  });

  it('fails inline event handlers and style attributes, with their line', () => {
    const problems = cspProblems(page({ body: '\n<button onclick="go()">x</button>\n<p style="color:red">y</p>\n<svg><rect onload="x()"/></svg>' }));
    expect(problems).toEqual([
      { line: 2, col: 1, message: 'inline event handler onclick= on <button> (blocked by the CSP; use a script module)' },
      { line: 3, col: 1, message: 'style= attribute on <p> (blocked by the CSP; use a class)' },
      { line: 4, col: 6, message: 'inline event handler onload= on <rect> (blocked by the CSP; use a script module)' },
    ]);
  });

  it('fails inline scripts and styles whose hash the policy lacks, and passes hashed ones', () => {
    const hashed = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"; // sha256 of the empty string
    expect(messages(page({ body: '<script>alert(1)</script><style>p{}</style>' }))).toEqual([
      expect.stringMatching(/^inline <script> whose 'sha256-.*' is not in script-src/),
      expect.stringMatching(/^inline <style> whose 'sha256-.*' is not in style-src/),
    ]);
    expect(messages(page({ csp: `script-src 'self' ${hashed}; style-src 'self' ${hashed}`, body: '<script></script><style></style>' }))).toEqual([]);
  });

  it('fails a CSP meta that comes after a script or stylesheet', () => {
    const html = `<!doctype html><html lang="en"><head><link rel="stylesheet" href="/a.css"><meta http-equiv="content-security-policy" content="default-src 'self'"><title>t</title></head><body></body></html>`;
    expect(messages(html)).toContain('<link> comes before the CSP <meta>, so the policy does not cover it');
  });
});
