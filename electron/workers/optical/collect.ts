import type {
  CollectProgress,
  FetchOutcome,
  SmartApiOptions,
  SmartApiTarget,
} from '../../../shared/contract/optical-worker';
import { nmsTimeReader } from '../../../shared/domain/optical/nms-time';
import { parseCount, type Parsed } from '../../../shared/domain/optical/records';
import { SmartApiSession } from './smart-api-session';
import { SmartApiError } from './smart-api-error';

type Parser<T> = (raw: unknown, readTime: (text: unknown) => number | null) => Parsed<T>;

/** How many pages one collection may read at most: a server that never sends a short page stops here. */
const MAX_PAGES = 10_000;

/**
 * The collector's sessions, one per endpoint key, and the paging rule of the Smart API: pages from
 * 0 with `size` until a page comes back shorter than `size`. Records are parsed one by one: a record
 * with a wrong field is dropped and counted; a page that is not an array fails the whole collection,
 * so the engine keeps what it had and tries the round again.
 */
export class SmartApiCollector {
  private readonly sessions = new Map<string, SmartApiSession>();

  constructor(private readonly onProgress: (progress: CollectProgress) => void = () => undefined) {}

  private session(target: SmartApiTarget, options: SmartApiOptions): SmartApiSession {
    let session = this.sessions.get(target.key);
    if (session) session.update(target, options);
    else {
      session = new SmartApiSession(target, options);
      this.sessions.set(target.key, session);
    }
    return session;
  }

  async collect<T>(
    collection: 'inventory' | 'measures' | 'alarm',
    target: SmartApiTarget,
    options: SmartApiOptions,
    parse: Parser<T>,
  ): Promise<FetchOutcome<T>> {
    const started = performance.now();
    const session = this.session(target, options);
    const relogins = session.relogins;
    const readTime = nmsTimeReader(target.timeZone);
    try {
      const total = await this.count(session, collection);
      const items: T[] = [];
      let rejected = 0;
      let rejectSample: string | null = null;
      let pages = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const body = await session.get(`${collection}/state`, { page, size: options.pageSize });
        pages++;
        if (!Array.isArray(body))
          throw new SmartApiError(
            'malformed',
            `${collection}/state page ${page}: expected an array, got ${body === null ? 'null' : typeof body}`,
          );
        for (const raw of body) {
          const parsed = parse(raw, readTime);
          if (parsed.ok) items.push(parsed.record);
          else {
            rejected++;
            rejectSample ??= `page ${page}: ${parsed.reason}`;
          }
        }
        this.onProgress({ key: target.key, collection, read: items.length + rejected, total });
        if (body.length < options.pageSize) break;
      }
      const usage = process.cpuUsage();
      return {
        ok: true,
        items,
        stats: {
          pages,
          total,
          latencyMs: performance.now() - started,
          relogins: session.relogins - relogins,
          rejected,
          rejectSample,
          // Peak, not current: what the process needed at its busiest.
          rssMb: process.resourceUsage().maxRSS / 1_024,
          cpuMs: (usage.user + usage.system) / 1_000,
        },
      };
    } catch (error) {
      const failure =
        error instanceof SmartApiError
          ? { code: error.code, detail: error.message }
          : { code: 'malformed' as const, detail: (error as Error).message };
      return { ok: false, failure, latencyMs: performance.now() - started };
    }
  }

  /** `/count` is only for progress: an endpoint without it is still read to the end. */
  private async count(session: SmartApiSession, collection: string): Promise<number | null> {
    return parseCount(await session.get(`${collection}/count`));
  }
}
