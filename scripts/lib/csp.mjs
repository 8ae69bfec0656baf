/**
 * Static Content-Security-Policy checks of one built page (pure: HTML in,
 * problems out). tests/quality/csp.test.ts runs them over every page.
 *
 * The browser tests catch violations that actually fire; these catch them
 * without a browser and on every page, including markup no test clicks:
 *   - exactly one <meta http-equiv="content-security-policy">, in <head>,
 *     before any script or stylesheet (a meta policy only governs what
 *     follows it);
 *   - script-src (else default-src) and script-src-elem/-attr never allow
 *     'unsafe-inline', 'unsafe-eval' or 'unsafe-hashes'; style-src(-elem/-attr)
 *     never allows 'unsafe-inline';
 *   - every inline <script>/<style> has its sha256 in the policy (Astro adds
 *     them; a hand-written inline block would be blocked);
 *   - no inline event handler attributes (onclick=…) and no style=
 *     attributes: both are inline code the policy forbids.
 */
import { createHash } from 'node:crypto';
import { isJsScript, scanHtml } from './html.mjs';

/**
 * Directives of a policy string: name -> list of source expressions (lower-cased
 * keywords keep their quotes, e.g. `'self'`).
 * @param {string} policy
 * @returns {Map<string, string[]>}
 */
export function parseCsp(policy) {
  const directives = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    // Per the CSP spec the first occurrence of a directive wins.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

const FORBIDDEN_SCRIPT = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"];
const FORBIDDEN_STYLE = ["'unsafe-inline'"];

/** `'sha256-…'` source expression of an inline block's exact text. */
const sha256 = (/** @type {string} */ text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * @param {string} html  one built page
 * @returns {{ line: number, col?: number, message: string }[]}
 */
export function cspProblems(html) {
  const elements = scanHtml(html);
  /** @type {{ line: number, col?: number, message: string }[]} */
  const problems = [];
  const metas = elements.filter((el) => el.name === 'meta' && (el.attribs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy');
  if (metas.length !== 1) problems.push({ line: metas[1]?.line ?? 1, message: `expected exactly one CSP <meta http-equiv="content-security-policy">, found ${metas.length}` });
  const meta = metas[0];
  const policy = parseCsp(meta?.attribs.content ?? '');

  if (meta) {
    const at = elements.indexOf(meta);
    const body = elements.findIndex((el) => el.name === 'body');
    if (body !== -1 && at > body) problems.push({ line: meta.line, col: meta.col, message: 'the CSP <meta> must be in <head> (browsers ignore it in <body>)' });
    const before = elements.slice(0, at).find((el) => el.name === 'script' || el.name === 'style' || (el.name === 'link' && /stylesheet|preload/i.test(el.attribs.rel ?? '')));
    if (before) problems.push({ line: before.line, col: before.col, message: `<${before.name}> comes before the CSP <meta>, so the policy does not cover it` });

    const scriptSrc = policy.get('script-src') ?? policy.get('default-src');
    if (!scriptSrc) problems.push({ line: meta.line, col: meta.col, message: 'CSP has neither script-src nor default-src: scripts are unrestricted' });
    for (const name of ['script-src', 'script-src-elem', 'script-src-attr', ...(policy.has('script-src') ? [] : ['default-src'])]) {
      for (const bad of FORBIDDEN_SCRIPT) {
        if (policy.get(name)?.some((s) => s.toLowerCase() === bad)) problems.push({ line: meta.line, col: meta.col, message: `CSP ${name} allows ${bad}` });
      }
    }
    for (const name of ['style-src', 'style-src-elem', 'style-src-attr']) {
      for (const bad of FORBIDDEN_STYLE) {
        if (policy.get(name)?.some((s) => s.toLowerCase() === bad)) problems.push({ line: meta.line, col: meta.col, message: `CSP ${name} allows ${bad}` });
      }
    }
  }

  const allowed = (/** @type {string} */ kind) => new Set([...(policy.get(`${kind}-src-elem`) ?? policy.get(`${kind}-src`) ?? policy.get('default-src') ?? [])]);
  const scriptHashes = allowed('script');
  const styleHashes = allowed('style');
  for (const el of elements) {
    for (const attr of Object.keys(el.attribs)) {
      if (/^on[a-z]+$/.test(attr)) problems.push({ line: el.line, col: el.col, message: `inline event handler ${attr}= on <${el.name}> (blocked by the CSP; use a script module)` });
      if (attr === 'style') problems.push({ line: el.line, col: el.col, message: `style= attribute on <${el.name}> (blocked by the CSP; use a class)` });
    }
    // Inline blocks run only if their exact text is hashed in the policy.
    if (el.name === 'script' && el.attribs.src === undefined && isJsScript(el) && !scriptHashes.has(sha256(el.text))) {
      problems.push({ line: el.line, col: el.col, message: `inline <script> whose ${sha256(el.text)} is not in script-src (the browser would block it)` });
    }
    if (el.name === 'style' && !styleHashes.has(sha256(el.text))) {
      problems.push({ line: el.line, col: el.col, message: `inline <style> whose ${sha256(el.text)} is not in style-src (the browser would block it)` });
    }
  }
  return problems;
}
