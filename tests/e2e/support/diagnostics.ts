/**
 * Page diagnostics: collect everything that should never happen on our pages.
 *
 *   - console errors            (console.error, failed resource loads, …)
 *   - uncaught page errors      (`pageerror`)
 *   - CSP violations            (`securitypolicyviolation` DOM events in every
 *                                frame, plus console messages that mention
 *                                "Content Security Policy")
 *   - requests to other hosts   (anything not 127.0.0.1 / localhost / ::1);
 *                                these are also *aborted* so a closed network
 *                                can't make tests slow or flaky
 *
 * Usage — import `test`/`expect` from here instead of '@playwright/test':
 *
 *   import { test, expect, expectClean } from './support/diagnostics.ts';
 *   test('x', async ({ page, diagnostics }) => {
 *     await page.goto(siteUrl('/'));
 *     expectClean(diagnostics);
 *   });
 *
 * The `diagnostics` fixture is automatic and watches the test's `page`.
 * For extra pages (popups, `context.newPage()`), call `attachDiagnostics(page)`
 * yourself *before* navigating.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { LOCAL_HOSTNAMES } from './env.ts';

export interface ConsoleEntry {
  type: string;
  text: string;
  /** `url:line:column` of the message source, when known. */
  location: string;
  /** URL of the page whose frame (or worker) logged it. */
  frameUrl: string;
}

export interface CspViolation {
  /** 'event' = securitypolicyviolation DOM event, 'console' = console message. */
  source: 'event' | 'console';
  directive: string;
  blockedURI: string;
  documentURI: string;
  /** 'enforce' or 'report' (report-only policies also fire the event). */
  disposition: string;
  sample: string;
  text: string;
}

export interface ExternalRequest {
  url: string;
  method: string;
  resourceType: string;
  frameUrl: string;
}

export interface Diagnostics {
  consoleErrors: ConsoleEntry[];
  pageErrors: string[];
  cspViolations: CspViolation[];
  externalRequests: ExternalRequest[];
  /** Same-host responses with status >= 400 (informational; not asserted by expectClean). */
  httpErrors: { url: string; status: number }[];
}

const CSP_BINDING = '__e2eReportCspViolation';

/** True if `rawUrl` is a network URL pointing to a host other than this machine. */
export function isExternalUrl(rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  // data:, blob:, about:, chrome-extension:, … never leave the machine.
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return false;
  return !LOCAL_HOSTNAMES.has(url.hostname);
}

function safeFrameUrl(fn: () => string): string {
  try {
    return fn();
  } catch {
    return '';
  }
}

/**
 * Start collecting diagnostics for `page`. Must be called before the first
 * navigation you care about (the CSP listener is an init script).
 */
export async function attachDiagnostics(page: Page): Promise<Diagnostics> {
  const d: Diagnostics = {
    consoleErrors: [],
    pageErrors: [],
    cspViolations: [],
    externalRequests: [],
    httpErrors: [],
  };

  page.on('console', (msg) => {
    const text = msg.text();
    const loc = msg.location();
    const frameUrl = safeFrameUrl(() => msg.page()?.url() ?? '');
    if (/Content[- ]Security[- ]Policy/i.test(text)) {
      d.cspViolations.push({
        source: 'console',
        directive: '',
        blockedURI: '',
        documentURI: frameUrl,
        disposition: /report-only|\[Report Only\]/i.test(text) ? 'report' : 'enforce',
        sample: '',
        text,
      });
    }
    if (msg.type() === 'error') {
      d.consoleErrors.push({
        type: msg.type(),
        text,
        location: loc.url ? `${loc.url}:${loc.lineNumber}:${loc.columnNumber}` : '',
        frameUrl,
      });
    }
  });

  page.on('pageerror', (err) => {
    d.pageErrors.push(err.stack || `${err.name}: ${err.message}`);
  });

  // CSP violation events from every frame (including cross-origin iframes).
  await page.exposeBinding(CSP_BINDING, (_source, v: Omit<CspViolation, 'source' | 'text'>) => {
    d.cspViolations.push({
      source: 'event',
      ...v,
      text: `${v.disposition} violation of ${v.directive} (blocked: ${v.blockedURI || 'inline'}) on ${v.documentURI}`,
    });
  });
  await page.addInitScript((binding: string) => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const report = (window as unknown as Record<string, (v: unknown) => void>)[binding];
        report?.({
          directive: e.effectiveDirective || e.violatedDirective,
          blockedURI: e.blockedURI,
          documentURI: e.documentURI,
          disposition: e.disposition,
          sample: e.sample,
        });
      },
      true,
    );
  }, CSP_BINDING);

  const onRequest = (url: string, method: string, resourceType: string, frameUrl: string) => {
    d.externalRequests.push({ url, method, resourceType, frameUrl });
  };

  // Record + abort every request that would leave the machine.
  await page.route(
    (url) => isExternalUrl(url.href),
    async (route) => {
      const req = route.request();
      onRequest(req.url(), req.method(), req.resourceType(), safeFrameUrl(() => req.frame().url()));
      await route.abort('blockedbyclient');
    },
  );
  page.on('websocket', (ws) => {
    if (isExternalUrl(ws.url())) onRequest(ws.url(), 'GET', 'websocket', page.url());
  });

  page.on('response', (res) => {
    if (res.status() >= 400 && !isExternalUrl(res.url())) {
      d.httpErrors.push({ url: res.url(), status: res.status() });
    }
  });

  return d;
}

/** Human-readable dump, handy as an assertion message. */
export function formatDiagnostics(d: Diagnostics): string {
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push(`${title} (${items.length}):`, ...items.map((i) => `  - ${i}`));
  };
  section(
    'console errors',
    d.consoleErrors.map((e) => `${e.text}${e.location ? ` @ ${e.location}` : ''}`),
  );
  section('page errors', d.pageErrors);
  section('CSP violations', d.cspViolations.map((v) => `[${v.source}] ${v.text}`));
  section('external requests', d.externalRequests.map((r) => `${r.method} ${r.url} (${r.resourceType})`));
  return lines.join('\n') || 'no problems';
}

/**
 * Soft-assert that nothing bad was collected. Each category is checked with
 * expect.soft so one failing page reports all of its problems at once.
 */
export function expectClean(d: Diagnostics, where = ''): void {
  const at = where ? ` on ${where}` : '';
  expect.soft(d.consoleErrors, `console errors${at}`).toEqual([]);
  expect.soft(d.pageErrors, `uncaught page errors${at}`).toEqual([]);
  expect.soft(d.cspViolations, `CSP violations${at}`).toEqual([]);
  expect.soft(d.externalRequests, `requests to hosts other than 127.0.0.1/localhost${at}`).toEqual([]);
}

export const test = base.extend<{ diagnostics: Diagnostics }>({
  diagnostics: [
    async ({ page }, use, testInfo) => {
      const d = await attachDiagnostics(page);
      await use(d);
      // Every test, not only the smoke test, fails on a console error, an
      // uncaught error, a CSP violation or a request to another host.
      const problems = [...d.consoleErrors, ...d.pageErrors, ...d.cspViolations, ...d.externalRequests];
      if (testInfo.status === testInfo.expectedStatus && problems.length > 0) {
        throw new Error(`Page diagnostics in "${testInfo.title}":\n${formatDiagnostics(d)}`);
      }
      // Attach the findings to the report of failing tests.
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('diagnostics.txt', {
          body: formatDiagnostics(d),
          contentType: 'text/plain',
        });
      }
    },
    { auto: true },
  ],
});

export { expect };
