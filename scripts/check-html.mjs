#!/usr/bin/env node
/**
 * npm run test:html: every built page must be valid HTML, according to the
 * W3C Nu HTML Checker (vnu.jar from the `vnu-jar` npm package; MIT).
 *
 *   node scripts/check-html.mjs [dir-or-file ...]   # default: DIST_DIR / OUT_DIR / ./dist
 *
 * One JVM checks the whole folder (a JVM per file would take minutes).
 * Zero errors are allowed; each is printed as `file:line:col  message`.
 * Needs Java 11+ on PATH (or JAVA_HOME). We never let vnu-jar download a
 * Java runtime itself: the network is closed, so a missing Java must fail
 * loudly instead.
 *
 * The stylesheets are inlined into each page (astro.config.mjs), so vnu also
 * checks the CSS, with a CSS grammar older than the browsers we serve: it does
 * not know container queries, @property, scroll-driven animations,
 * scroll-initial-target or paint-order. Those messages, and only those, are
 * dropped (MODERN_CSS); any other CSS error still fails the check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { listHtmlFiles, resolveDistDir } from './lib/html.mjs';

/** Absolute path of vnu.jar (the package's main export is that path as a String). */
export function vnuJarPath() {
  return String(createRequire(import.meta.url)('vnu-jar'));
}

/** The java binary: $JAVA_HOME/bin/java if set, else `java` on PATH; throws with a fix if missing. */
export function findJava(env = process.env) {
  const java = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `check-html needs Java 11+ for vnu.jar, but \`${java} -version\` failed` +
        ` (${probe.error?.message ?? probe.stderr.trim()}). Install it, e.g. \`apt-get install -y default-jre-headless\`.`,
    );
  }
  return java;
}

/**
 * @typedef {object} VnuMessage
 * @property {string} type          'error' | 'info' | 'non-document-error'
 * @property {string} [subType]
 * @property {string} [url]         file: URL of the checked document
 * @property {number} [lastLine]
 * @property {number} [firstColumn]
 * @property {number} [lastColumn]
 * @property {string} message
 * @property {string} [extract]
 */

/**
 * vnu's messages about CSS that is valid in today's browsers but unknown to its
 * CSS grammar (each names the feature, so a typo in another property still fails).
 */
export const MODERN_CSS = [
  /^CSS: Unrecognized at-rule “@(container|property)”/,
  /^CSS: “(container|container-type|container-name|animation-timeline|scroll-initial-target|paint-order|content-visibility|contain-intrinsic-size)”: Property “\1” doesn't exist\./,
  /^CSS: “animation”: “scroll\([^”]*\)” is not a “animation” value\./,
];

/** True for a vnu message about modern CSS its grammar does not know (see MODERN_CSS). */
export const isModernCssMessage = (/** @type {VnuMessage} */ m) => MODERN_CSS.some((re) => re.test(m.message));

/**
 * Run vnu over files or folders (folders: *.html/*.htm/*.xhtml inside).
 * @param {string[]} targets
 * @returns {VnuMessage[]} errors only
 */
export function runVnu(targets) {
  const args = [
    // vnu's schema validator recurses deeply; C1-only JIT starts ~2x faster
    // for a short run like this, and needs the bigger stack.
    '-Xss4m',
    '-XX:TieredStopAtLevel=1',
    '-jar',
    vnuJarPath(),
    '--errors-only',
    '--skip-non-html', // a folder also holds CSS/SVG, which are not HTML documents
    '--no-langdetect', // language guesses are warnings at most; skip the work
    '--format',
    'json',
    '--stdout',
    ...targets,
  ];
  const run = spawnSync(findJava(), args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`vnu did not print a JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  /** @type {VnuMessage[]} */
  const messages = report.messages ?? [];
  // 'non-document-error' = the checker could not read or parse a file at all.
  return messages.filter((m) => (m.type === 'error' && !isModernCssMessage(m)) || m.type === 'non-document-error');
}

/** `file:line:col  message  «extract»`, with the file relative to `root`. */
export function formatVnuMessage(/** @type {VnuMessage} */ m, /** @type {string} */ root) {
  const file = m.url?.startsWith('file:') ? path.relative(root, fileURLToPath(m.url)) : (m.url ?? '?');
  const pos = m.lastLine ? `:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? 0}` : '';
  const extract = m.extract ? `  «${m.extract.replace(/\s+/g, ' ').trim().slice(0, 120)}»` : '';
  return `${file}${pos}  ${m.message}${extract}`;
}

// CLI: node scripts/check-html.mjs [targets...]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const targets = process.argv.slice(2).length ? process.argv.slice(2).map((t) => path.resolve(t)) : [resolveDistDir()];
  const root = targets.length === 1 && !targets[0]?.endsWith('.html') ? (targets[0] ?? '.') : process.cwd();
  const t0 = performance.now();
  try {
    // Count the pages first: a folder with no HTML must fail, not pass vacuously.
    let pages = 0;
    for (const t of targets) {
      if (!existsSync(t)) throw new Error(`${t} does not exist: build the site first (or set DIST_DIR).`);
      pages += statSync(t).isDirectory() ? listHtmlFiles(t).length : 1;
    }
    const errors = runVnu(targets);
    const ms = Math.round(performance.now() - t0);
    for (const m of errors) console.error(formatVnuMessage(m, root));
    if (errors.length) {
      const files = new Set(errors.map((m) => m.url)).size;
      console.error(`\ncheck-html: ${errors.length} HTML error(s) in ${files} of ${pages} page(s) under ${targets.join(', ')} (${ms} ms)`);
      process.exitCode = 1;
    } else {
      console.log(`check-html: OK, ${pages} page(s) in ${targets.join(', ')} have no HTML errors (${ms} ms)`);
    }
  } catch (err) {
    console.error(`check-html: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 2;
  }
}
