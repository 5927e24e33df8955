import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nmsTimeWriter } from './format';
import {
  buildNetwork,
  measureValue,
  refreshedAt,
  type NetworkShape,
  type SimAlarm,
  type SimCard,
} from './network';

/** Ways a page can go wrong, each served once when asked for. */
export type PageFault = 'html' | 'not-array' | 'huge' | 'wrong-types' | 'server-error' | 'truncated';
export type Collection = 'inventory' | 'measures' | 'alarm';

export interface PadtecSimulatorOptions extends Partial<NetworkShape> {
  username?: string;
  password?: string;
  /** The NMS's zone: its timestamps are written in it, without the zone. */
  timeZone?: string;
  /** Older builds call a measure's `updatedAt` `update`. */
  legacyBuild?: boolean;
  /** Every page waits this long before it is answered. */
  pageDelayMs?: number;
  /** Path prefix the service answers under (the manual shows both /nms-api and /api). */
  pathPrefix?: string;
  clock?: () => number;
}

interface Fault {
  collection: Collection;
  page: number;
  kind: PageFault;
}

const COUNT_FIELDS = ['CRITICAL', 'MAJOR', 'MINOR', 'WARNING', 'UNKNOWN', 'CLEARED'] as const;

/**
 * A Padtec Smart API on loopback, faithful to what is publicly known: token login, bare-array pages
 * until a short one, `/count`, string values without units, local timestamps without a zone — and
 * able to misbehave on demand (a token that stops working, slow, malformed, huge pages).
 */
export class PadtecSimulator {
  readonly cards: SimCard[];
  readonly alarms: SimAlarm[] = [];
  /** Requests seen, by path (without prefix), for tests to assert on. */
  readonly hits = new Map<string, number>();
  logins = 0;
  private readonly tokens = new Set<string>();
  private readonly overrides = new Map<string, string>();
  private readonly faults: Fault[] = [];
  private readonly secret = randomBytes(16);
  private readonly writeTime: (at: number) => string;
  private readonly clock: () => number;
  private server: Server | null = null;
  private nextOid = 1;
  pageDelayMs: number;

  constructor(private readonly options: PadtecSimulatorOptions = {}) {
    this.cards = buildNetwork({
      sites: options.sites ?? 4,
      cardsPerSite: options.cardsPerSite ?? 3,
      measuresPerCard: options.measuresPerCard ?? 6,
      seed: options.seed ?? 7,
    });
    this.writeTime = nmsTimeWriter(options.timeZone ?? 'America/Sao_Paulo');
    this.clock = options.clock ?? Date.now;
    this.pageDelayMs = options.pageDelayMs ?? 0;
  }

  get measureCount(): number {
    return this.cards.reduce((sum, card) => sum + card.measures.length, 0);
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    const address = server.address() as AddressInfo;
    return `http://${host}:${address.port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // --- misbehaviour and network changes, for tests, the benchmark and the demo ---

  /** Every token issued so far stops working: the next call gets 401. */
  expireTokens(): void {
    this.tokens.clear();
  }

  failPage(collection: Collection, kind: PageFault, page = 0): void {
    this.faults.push({ collection, page, kind });
  }

  /** The value a measure reports from now on (any string: "N/A" tests the parser). */
  setValue(measureUid: string, value: string | null): void {
    if (value === null) this.overrides.delete(measureUid);
    else this.overrides.set(measureUid, value);
  }

  setCardUp(cardUid: string, up: boolean): void {
    this.card(cardUid).up = up;
  }

  /** The NMS stops (or resumes) refreshing a card: its measures keep their last update time. */
  freezeCard(cardUid: string, frozen: boolean): void {
    this.card(cardUid).frozenAt = frozen ? this.clock() : null;
  }

  removeCard(cardUid: string): void {
    this.cards.splice(this.cards.indexOf(this.card(cardUid)), 1);
  }

  raiseAlarm(cardUid: string, name: string, group: string, severity: SimAlarm['severity']): string {
    const oid = `1.3.6.1.4.1.9000.${this.nextOid++}`;
    this.alarms.push({
      oid,
      card: this.card(cardUid),
      name,
      group,
      severity,
      active: true,
      startAt: this.clock(),
      endAt: null,
    });
    return oid;
  }

  clearAlarm(oid: string): void {
    const alarm = this.alarms.find((candidate) => candidate.oid === oid && candidate.active);
    if (!alarm) throw new Error(`no active alarm ${oid}`);
    alarm.active = false;
    alarm.endAt = this.clock();
  }

  measureUid(card: SimCard, index: number): string {
    return `${card.uid}-${card.measures[index]!.key}-0`;
  }

  private card(cardUid: string): SimCard {
    const card = this.cards.find((candidate) => candidate.uid === cardUid);
    if (!card) throw new Error(`no card ${cardUid}`);
    return card;
  }

  // --- the HTTP side ---

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://sim');
    const prefix = `/${(this.options.pathPrefix ?? '/nms-api').replace(/^\/+|\/+$/g, '')}/v1/`;
    if (!url.pathname.startsWith(prefix)) return this.send(response, 404, { error: 'not found' });
    const path = url.pathname.slice(prefix.length);
    this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
    if (path === 'admin/login' && request.method === 'POST') return this.login(request, response);
    if (request.method !== 'GET') return this.send(response, 405, { error: 'method not allowed' });
    const token = request.headers.authorization;
    if (!token || !this.tokens.has(token)) return this.send(response, 401, { error: 'invalid token' });
    switch (path) {
      case 'admin/dataproviders':
        return this.send(response, 200, [{ name: 'NMS+ simulated', address: '127.0.0.1' }]);
      case 'inventory/count':
        return this.send(response, 200, this.cards.length);
      case 'measures/count':
        return this.send(response, 200, this.measureCount);
      case 'alarm/count':
        return this.send(response, 200, this.alarmCounts());
      case 'inventory/state':
      case 'measures/state':
      case 'alarm/state':
        return this.page(path.split('/')[0] as Collection, url, response);
      default:
        return this.send(response, 404, { error: 'not found' });
    }
  }

  private async login(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let body: { username?: unknown; password?: unknown; clientId?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
    } catch {
      return this.send(response, 400, { error: 'invalid body' });
    }
    if (
      body.username !== (this.options.username ?? 'admin') ||
      body.password !== (this.options.password ?? 'padtec')
    )
      return this.send(response, 401, { error: 'invalid credentials' });
    this.logins++;
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: String(body.clientId), iat: Math.floor(this.clock() / 1000), n: this.logins })}`;
    const token = `Token ${unsigned}.${createHmac('sha256', this.secret).update(unsigned).digest('base64url')}`;
    this.tokens.add(token);
    return this.send(response, 200, { token });
  }

  private async page(collection: Collection, url: URL, response: ServerResponse): Promise<void> {
    const page = Math.max(0, Number(url.searchParams.get('page') ?? 0) || 0);
    const size = Math.max(1, Number(url.searchParams.get('size') ?? 100) || 100);
    if (this.pageDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.pageDelayMs));
    const fault = this.faults.findIndex(
      (candidate) => candidate.collection === collection && candidate.page === page,
    );
    if (fault >= 0) {
      const [{ kind }] = this.faults.splice(fault, 1) as [Fault];
      return this.misbehave(kind, response);
    }
    const from = page * size;
    if (collection === 'measures') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(this.measurePage(from, size));
      return;
    }
    const items =
      collection === 'inventory'
        ? this.cards.slice(from, from + size).map((card) => this.cardRecord(card))
        : this.alarms.slice(from, from + size).map((alarm) => this.alarmRecord(alarm));
    return this.send(response, 200, items);
  }

  private misbehave(kind: PageFault, response: ServerResponse): void {
    switch (kind) {
      case 'html':
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<html><body>Gateway login</body></html>');
        return;
      case 'not-array':
        return this.send(response, 200, { error: 'internal', items: null });
      case 'truncated':
        response.writeHead(200, { 'content-type': 'application/json' }).end('[{"cardUid": "TM1200G');
        return;
      case 'server-error':
        return this.send(response, 500, { error: 'NMS+ unavailable' });
      case 'wrong-types':
        return this.send(response, 200, [{ cardUid: 42, locationSite: ['x'], measureValue: { v: 1 } }]);
      case 'huge': {
        const filler = 'x'.repeat(1_000);
        const body = `[${Array.from({ length: 10_500 }, () => JSON.stringify({ cardUid: filler })).join(',')}]`;
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
        return;
      }
    }
  }

  private send(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private location(card: SimCard) {
    return {
      locationDataprovider: '127.0.0.1',
      locationCollector: 'collector-1',
      locationSite: card.site,
      cardUid: card.uid,
      cardName: card.name,
      cardModel: card.model.model,
      cardFamily: card.familySpelling,
      cardPart: card.part,
      cardSerial: card.serial,
      cardFirmwareVersion: card.firmware,
      cardIsActive: card.active,
    };
  }

  private stamp(at: number): Record<string, string> {
    return { [this.options.legacyBuild ? 'update' : 'updatedAt']: this.writeTime(at) };
  }

  private cardRecord(card: SimCard) {
    return { ...this.location(card), ...this.stamp(refreshedAt(card, this.clock())) };
  }

  /**
   * Measures are numbered card by card, so a page is built without listing the whole network; it
   * is written as JSON text directly (the card's part once per card), which keeps a 40,000-measure
   * network's pages cheap enough for the benchmark to measure the collector rather than this.
   */
  private measurePage(from: number, size: number): string {
    const now = this.clock();
    const field = this.options.legacyBuild ? 'update' : 'updatedAt';
    const records: string[] = [];
    let index = 0;
    for (const card of this.cards) {
      if (index + card.measures.length <= from) {
        index += card.measures.length;
        continue;
      }
      const at = refreshedAt(card, now);
      const stamp = JSON.stringify(this.writeTime(at));
      const location = JSON.stringify(this.location(card)).slice(1, -1);
      const head = `{${location},"cardIsUp":${card.up},"cardUpdate":${stamp},"port":null,"${field}":${stamp}`;
      for (let m = 0; m < card.measures.length; m++, index++) {
        if (index < from) continue;
        if (records.length >= size) return `[${records.join(',')}]`;
        const template = card.measures[m]!;
        const uid = this.measureUid(card, m);
        const value = this.overrides.get(uid) ?? measureValue(card, template, at);
        records.push(
          `${head},"measureUid":${JSON.stringify(uid)},"measureKey":${template.key},"measureName":${JSON.stringify(template.name)},"measureResource":${JSON.stringify(template.resource)},"measureGroup":${JSON.stringify(template.group)},"measureValue":${JSON.stringify(value)}}`,
        );
      }
    }
    return `[${records.join(',')}]`;
  }

  private alarmRecord(alarm: SimAlarm) {
    return {
      ...this.location(alarm.card),
      alarmOid: alarm.oid,
      alarmName: alarm.name,
      alarmGroup: alarm.group,
      alarmResource: 'LINE IN',
      alarmSeverity: alarm.active ? alarm.severity : 'CLEARED',
      alarmIsActive: alarm.active,
      alarmIsInstant: false,
      alarmStartDate: this.writeTime(alarm.startAt),
      alarmEndDate: alarm.endAt === null ? null : this.writeTime(alarm.endAt),
      alarmAckDate: null,
      port: null,
      ...this.stamp(this.clock()),
    };
  }

  private alarmCounts(): Record<string, number> {
    const counts: Record<string, number> = Object.fromEntries(COUNT_FIELDS.map((field) => [field, 0]));
    for (const alarm of this.alarms) counts[alarm.active ? alarm.severity : 'CLEARED']! += 1;
    return { TOTAL: this.alarms.length, ...counts };
  }
}
