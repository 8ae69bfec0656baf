#!/usr/bin/env node
/**
 * Tiny static server for the e2e tests (node built-ins only).
 *
 * Starts two servers on 127.0.0.1:
 *   1. the SITE server: serves the built site (DIST_DIR, default ./dist) under
 *      BASE_PATH (default `/`). Requests outside BASE_PATH get a 404.
 *   2. the HOST server: a different origin serving tests/e2e/fixtures-host/,
 *      used to embed our pages cross-origin. In *.html files there, the
 *      placeholders `__SITE_ORIGIN__` (http://127.0.0.1:4410) and `__SITE_URL__`
 *      (origin + base path, with trailing slash) are replaced on the fly.
 *
 * Both answer GET /__e2e/health with 200 + JSON (used as Playwright's
 * readiness probe, so the servers come up even when dist/ is missing and the
 * specs can fail with a clear message instead of a webServer timeout).
 *
 * Behaviour: directory with trailing slash -> index.html; directory without
 * trailing slash -> 301 to the slash form; `/x` -> `x.html` if that exists;
 * unknown -> 404 with DIST_DIR/404.html as body when present. No caching.
 * SERVE_GZIP=1 gzips text responses to clients that accept it, as the static
 * hosts in the README do (off by default; scripts/lighthouse.mjs sets it for
 * LIGHTHOUSE_GZIP=1, so Lighthouse can see the bytes a reader downloads).
 *
 * Env: DIST_DIR (else OUT_DIR, else ./dist), BASE_PATH, E2E_SITE_PORT (4410), E2E_HOST_PORT (4411),
 *      HOST_DIR (default tests/e2e/fixtures-host). Normally set by
 *      playwright.config.ts from tests/e2e/support/env.ts.
 *
 * Run standalone:  node tests/e2e/support/serve.mjs
 */
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const HEALTH_PATH = '/__e2e/health';

/** Same rules as normaliseBasePath() in env.ts. */
function normaliseBase(raw) {
  const trimmed = (raw ?? '').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  return `/${trimmed.split('/').filter(Boolean).join('/')}/`;
}

function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    console.error(`[serve] ${name}=${JSON.stringify(raw)} is not a valid port`);
    process.exit(2);
  }
  return n;
}

const DIST_DIR = path.resolve(REPO_ROOT, process.env.DIST_DIR || process.env.OUT_DIR || 'dist');
const HOST_DIR = path.resolve(REPO_ROOT, process.env.HOST_DIR || 'tests/e2e/fixtures-host');
const BASE_PATH = normaliseBase(process.env.BASE_PATH);
const SITE_PORT = port('E2E_SITE_PORT', 4410);
const HOST_PORT = port('E2E_HOST_PORT', 4411);
const SITE_ORIGIN = `http://${HOST}:${SITE_PORT}`;
const HOST_ORIGIN = `http://${HOST}:${HOST_PORT}`;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function statOrNull(p) {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

/**
 * Map a decoded, root-relative path (`/`, `/a/b/`, `/a.css`) to a file inside
 * `root`. Returns { file } | { redirect } | null.
 */
async function resolveFile(root, relPath, publicPrefix) {
  // path.join normalises `..`; reject anything that escapes root anyway.
  const candidate = path.join(root, relPath);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;

  const st = await statOrNull(candidate);
  if (st?.isFile()) return { file: candidate };
  if (st?.isDirectory()) {
    if (!relPath.endsWith('/')) return { redirect: `${publicPrefix}${relPath.slice(1)}/` };
    const index = path.join(candidate, 'index.html');
    if ((await statOrNull(index))?.isFile()) return { file: index };
    return null;
  }
  // `/about` -> about.html (Astro build.format "file"/"preserve").
  if (!relPath.endsWith('/') && path.extname(relPath) === '') {
    const html = `${candidate}.html`;
    if ((await statOrNull(html))?.isFile()) return { file: html };
  }
  return null;
}

function baseHeaders(type) {
  return {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}

function sendText(req, res, status, text, extra = {}) {
  const body = Buffer.from(text);
  res.writeHead(status, {
    ...baseHeaders('text/plain; charset=utf-8'),
    'Content-Length': body.length,
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const GZIP = process.env.SERVE_GZIP === '1';
/** Types a static host compresses: text, scripts, styles, data and SVG. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|rss\+xml|xslt\+xml|manifest\+json|x-bibtex|x-research-info-systems)|image\/svg\+xml)/;

async function sendFile(req, res, status, file, transform) {
  const type = contentType(file);
  if (GZIP && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    const raw = await fs.readFile(file);
    const body = gzipSync(transform && type.startsWith('text/html') ? Buffer.from(transform(raw.toString('utf8'))) : raw);
    res.writeHead(status, { ...baseHeaders(type), 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  if (transform && type.startsWith('text/html')) {
    const body = Buffer.from(transform(await fs.readFile(file, 'utf8')));
    res.writeHead(status, { ...baseHeaders(type), 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const st = await fs.stat(file);
  res.writeHead(status, { ...baseHeaders(type), 'Content-Length': st.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', (err) => res.destroy(err))
    .pipe(res);
}

async function sendNotFound(req, res, notFoundPage) {
  if (notFoundPage && (await statOrNull(notFoundPage))?.isFile()) {
    await sendFile(req, res, 404, notFoundPage);
  } else {
    sendText(req, res, 404, `404 Not Found: ${req.url}\n`);
  }
}

function health(req, res, name) {
  const body = JSON.stringify({
    ok: true,
    server: name,
    distDir: DIST_DIR,
    hostDir: HOST_DIR,
    basePath: BASE_PATH,
    siteOrigin: SITE_ORIGIN,
    hostOrigin: HOST_ORIGIN,
  });
  res.writeHead(200, { ...baseHeaders('application/json; charset=utf-8') });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * @param {object} opts
 * @param {string} opts.name       label for logs
 * @param {string} opts.root       directory to serve
 * @param {string} opts.base       URL prefix (`/` or `/x/`)
 * @param {string | null} opts.notFoundPage  file used as 404 body
 * @param {((html: string) => string) | undefined} opts.transform  HTML rewriter
 */
function makeHandler({ name, root, base, notFoundPage, transform }) {
  return async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendText(req, res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
        return;
      }
      const url = new URL(req.url ?? '/', 'http://placeholder');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        sendText(req, res, 400, 'Bad Request\n');
        return;
      }
      if (pathname.includes('\0')) {
        sendText(req, res, 400, 'Bad Request\n');
        return;
      }
      if (pathname === HEALTH_PATH) {
        health(req, res, name);
        return;
      }
      // `/base` (no trailing slash) -> `/base/`, like static hosts do.
      if (base !== '/' && pathname === base.slice(0, -1)) {
        res.writeHead(301, { Location: base + url.search, 'Cache-Control': 'no-store' });
        res.end();
        return;
      }
      if (!pathname.startsWith(base)) {
        await sendNotFound(req, res, notFoundPage);
        return;
      }
      const rel = `/${pathname.slice(base.length)}`;
      const hit = await resolveFile(root, rel, base);
      if (hit?.redirect) {
        res.writeHead(301, { Location: hit.redirect + url.search, 'Cache-Control': 'no-store' });
        res.end();
      } else if (hit?.file) {
        await sendFile(req, res, 200, hit.file, transform);
      } else {
        await sendNotFound(req, res, notFoundPage);
      }
    } catch (err) {
      console.error(`[serve:${name}] ${req.method} ${req.url} failed:`, err);
      if (!res.headersSent) sendText(req, res, 500, 'Internal Server Error\n');
      else res.destroy();
    }
  };
}

function listen(server, portNumber, label) {
  return new Promise((resolve, reject) => {
    server.once('error', (err) => {
      if (err && /** @type {any} */ (err).code === 'EADDRINUSE') {
        reject(new Error(`[serve] port ${portNumber} (${label}) is already in use on ${HOST}`));
      } else reject(err);
    });
    server.listen(portNumber, HOST, () => resolve(undefined));
  });
}

const hostTransform = (html) =>
  html.replaceAll('__SITE_URL__', `${SITE_ORIGIN}${BASE_PATH}`).replaceAll('__SITE_ORIGIN__', SITE_ORIGIN);

const siteServer = createServer(
  makeHandler({
    name: 'site',
    root: DIST_DIR,
    base: BASE_PATH,
    notFoundPage: path.join(DIST_DIR, '404.html'),
    transform: undefined,
  }),
);
const hostServer = createServer(
  makeHandler({ name: 'host', root: HOST_DIR, base: '/', notFoundPage: null, transform: hostTransform }),
);

// Host first: Playwright's readiness probe hits the site server, so once the
// site answers, both servers are up.
try {
  await listen(hostServer, HOST_PORT, 'host');
  await listen(siteServer, SITE_PORT, 'site');
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

const distState = await statOrNull(DIST_DIR);
console.log(`[serve] site  ${SITE_ORIGIN}${BASE_PATH}  <- ${DIST_DIR}`);
console.log(`[serve] host  ${HOST_ORIGIN}/  <- ${HOST_DIR}`);
if (!distState?.isDirectory()) {
  console.warn(`[serve] WARNING: ${DIST_DIR} does not exist; run \`npm run build\` first.`);
}

let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  siteServer.closeAllConnections?.();
  hostServer.closeAllConnections?.();
  siteServer.close();
  hostServer.close();
  setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
