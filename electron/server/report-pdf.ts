import type { IncomingMessage, ServerResponse } from 'node:http';
import { REPORT_PDF_PATH } from '../../shared/contract/reports';
import { reportGroupings } from '../../shared/contract/reports';
import { translate, type Language, type MessageKey } from '../../shared/i18n';
import type { CallAuth } from '../../shared/contract/engine-process';
import type { Engine } from '../engine/engine';
import { SECURITY_HEADERS } from './auth';
import { findChromium } from './chromium';
import { SESSION_COOKIE } from './session';

/** How long the page may take to load the network and compute the report before printing. */
const READY_TIMEOUT_MS = 120_000;

/** The page's query, kept to the fields and shapes the Reports page reads (nothing else reaches the browser). */
export function printQuery(search: URLSearchParams): string | null {
  const params = new URLSearchParams();
  const month = search.get('month');
  const from = search.get('from');
  const to = search.get('to');
  if (from !== null && to !== null) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return null;
    params.set('from', from);
    params.set('to', to);
  } else if (month !== null) {
    if (!/^\d{4}-\d{2}$/.test(month)) return null;
    params.set('month', month);
  } else return null;
  const group = search.get('group') ?? 'device';
  if (!(reportGroupings as readonly string[]).includes(group)) return null;
  params.set('group', group);
  params.set('print', '1');
  return params.toString();
}

interface PdfOptions {
  engine: Engine;
  /** The request's API auth: null when it may not call at all. */
  authOf(request: IncomingMessage): Promise<CallAuth | undefined | null>;
  internalSession(): { id: string; revoke(): void } | null;
  tls: boolean;
  chromiumPath?: () => string | null;
}

/**
 * GET /reports/pdf: the Reports page printed by the system's Chromium (headless, driven by
 * playwright-core) from this very server, with the page's own print stylesheet — the same path
 * the desktop app prints through. One print at a time: each is a whole browser.
 */
export function reportPdfRoute(options: PdfOptions) {
  let queue: Promise<unknown> = Promise.resolve();
  const language = async (auth: CallAuth | undefined): Promise<Language> =>
    (await options.engine.call('settings.get', undefined, auth).catch(() => null))?.ui.language ?? 'pt-BR';

  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== REPORT_PDF_PATH) return false;
    if (request.method !== 'GET') {
      response.writeHead(405, SECURITY_HEADERS).end();
      return true;
    }
    const auth = await options.authOf(request);
    if (auth === null) {
      response.writeHead(401, SECURITY_HEADERS).end();
      return true;
    }
    const fail = async (response: ServerResponse, status: number, key: MessageKey) => {
      response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      response.end(translate(await language(auth), key, { days: 3_650 }));
    };
    const query = printQuery(url.searchParams);
    if (query === null) {
      await fail(response, 400, 'reports.invalidRange');
      return true;
    }
    const executablePath = (options.chromiumPath ?? findChromium)();
    if (executablePath === null) {
      await fail(response, 503, 'reports.pdfNoBrowser');
      return true;
    }
    // The address this client reached us at: the page's own origin, which the API's origin check accepts.
    const base = `${options.tls ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`;
    const printing = queue.then(() => print(executablePath, base, query, options.internalSession()));
    queue = printing.catch(() => undefined);
    try {
      const pdf = await printing;
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="vigia-sla-${query.replace(/[^\w-]+/g, '_')}.pdf"`,
        'cache-control': 'no-store',
      });
      response.end(pdf);
    } catch (error) {
      console.error('report PDF failed', error);
      await fail(response, 500, 'reports.pdfFailed');
    }
    return true;
  };
}

async function print(
  executablePath: string,
  base: string,
  query: string,
  session: { id: string; revoke(): void } | null,
): Promise<Buffer> {
  // Loaded on the first print, not at start: playwright-core is 29 MB of heap that every garbage
  // collection of this process, the one that must stay free, would otherwise walk.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true });
  try {
    // Our own server, possibly on its generated self-signed certificate.
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    if (session) await context.addCookies([{ name: SESSION_COOKIE, value: session.id, url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/#/reports?${query}`);
    await page.waitForSelector('[data-report-ready="true"]', { timeout: READY_TIMEOUT_MS });
    return await page.pdf({ format: 'A4', landscape: true, printBackground: false });
  } finally {
    session?.revoke();
    await browser.close();
  }
}
