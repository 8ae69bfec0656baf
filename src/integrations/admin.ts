/**
 * /admin/: the editors' CMS (Decap CMS, bundled from npm; nothing from
 * another host). Written into the built site in astro:build:done, and served
 * by `astro dev` from memory, as plain files outside Astro's pages:
 *
 *   index.html      the page, with its own CSP (ADMIN_CSP) and noindex
 *   manual-init.js  tells the CMS to wait for admin.js
 *   decap-cms.js    the CMS, with its lazy chunks (*.decap-cms.js) and .wasm files
 *   admin.js        src/cms/admin.ts: the lossless formats and the generated config
 *
 * It is not an Astro page, so it is in neither the sitemap nor search, and
 * the site's own CSP is unchanged. Nothing links to it but the README.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { SITE_NAME } from '../lib/util/site';

/**
 * As loose as Decap CMS needs, and no looser. Its scripts are all files of this site; it compiles its
 * config schema with `new Function` (AJV: 'unsafe-eval') and loads WebAssembly ('wasm-unsafe-eval'); its
 * components inject <style> elements and style attributes (emotion: style-src 'unsafe-inline'); previews
 * use data: and blob: images; in local mode it talks to decap-server on a localhost port.
 */
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' http://localhost:*",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const root = process.cwd();

/** The files of /admin/, by name. */
export async function adminFiles(): Promise<Map<string, string | Buffer>> {
  const require = createRequire(join(root, 'package.json'));
  const cmsDir = dirname(require.resolve('decap-cms/dist/decap-cms.js'));
  const bundle = await build({
    entryPoints: [join(root, 'src/cms/admin.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    loader: { '.yml': 'text' },
    write: false,
    logLevel: 'error',
  });
  const files = new Map<string, string | Buffer>();
  files.set('index.html', readFileSync(join(root, 'src/admin/index.html'), 'utf8').replace('__CSP__', ADMIN_CSP).replace('__SITE_NAME__', SITE_NAME));
  files.set('manual-init.js', 'window.CMS_MANUAL_INIT = true;\n');
  for (const name of readdirSync(cmsDir)) {
    if (name === 'decap-cms.js' || /^\d+\.decap-cms\.js$/.test(name) || name.endsWith('.wasm')) files.set(name, readFileSync(join(cmsDir, name)));
  }
  files.set('admin.js', bundle.outputFiles[0]!.text);
  return files;
}

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', wasm: 'application/wasm' };

export default function admin(): AstroIntegration {
  let base = '/';
  return {
    name: 'distillation-admin',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        let files: Promise<Map<string, string | Buffer>> | undefined;
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0] ?? '';
          if (!path.startsWith(`${base}admin`)) return next();
          if (path === `${base}admin`) {
            res.writeHead(301, { location: `${base}admin/` }).end();
            return;
          }
          const name = path.slice(`${base}admin/`.length) || 'index.html';
          files ??= adminFiles();
          files.then(
            (all) => {
              const body = all.get(name);
              if (body === undefined) return next();
              res.setHeader('content-type', TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream');
              if (name === 'index.html') res.setHeader('content-security-policy', ADMIN_CSP);
              res.end(body);
            },
            (e) => next(e),
          );
        });
      },
      'astro:build:done': async ({ dir }) => {
        const out = join(fileURLToPath(dir), 'admin');
        if (!existsSync(out)) mkdirSync(out, { recursive: true });
        for (const [name, body] of await adminFiles()) writeFileSync(join(out, name), body);
      },
    },
  };
}
