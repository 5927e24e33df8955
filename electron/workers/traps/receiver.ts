import type { Socket } from 'node:dgram';
import * as snmp from 'net-snmp';
import type {
  TrapNotice,
  TrapReceiverConfig,
  TrapReceiverStats,
  TrapSource,
} from '../../../shared/contract/traps-worker';
import { TrapRateLimiter } from '../../../shared/domain/snmp/trap-rate';
import { v3User } from '../host/snmp-v3-user';
import { trapIdentity, type ReceivedPdu } from './notice';

type Counters = Omit<TrapReceiverStats, 'listening' | 'error' | 'port' | 'cpuS' | 'rssMb'>;

/** Notices are handed on in batches: one message per few milliseconds, not one per trap in a storm. */
const FLUSH_MS = 5;
const FLUSH_AT = 500;

const plainAddress = (address: string): string => address.replace(/^::ffff:/, '');

/**
 * The trap and inform receiver: checks each message's source and credentials against the device
 * configured at that address, keeps each source within its rate, and hands on what it accepts.
 * Anything it refuses — unreadable PDUs, wrong community or v3 credentials, unknown sources
 * (handed on without a device, for the log), floods — is counted, never thrown.
 */
export class TrapReceiver {
  private receiver: ReturnType<typeof snmp.createReceiver> | null = null;
  private bound: { port: number; address: string } | null = null;
  private listenError: string | null = null;
  private listening = false;
  private sources = new Map<string, TrapSource>();
  private limiter = new TrapRateLimiter(1, 1);
  private limits = { ratePerSecond: 0, burst: 0 };
  private pending: TrapNotice[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly counters: Counters = {
    received: 0,
    accepted: 0,
    unknownSource: 0,
    badCommunity: 0,
    badCredentials: 0,
    malformed: 0,
    rateLimited: 0,
  };
  private peakRss = 0;

  constructor(private readonly onNotices: (notices: TrapNotice[]) => void) {}

  async configure(config: TrapReceiverConfig): Promise<TrapReceiverStats> {
    this.sources = new Map(config.sources.map((source) => [source.host, source]));
    if (config.ratePerSecond !== this.limits.ratePerSecond || config.burst !== this.limits.burst) {
      this.limits = { ratePerSecond: config.ratePerSecond, burst: config.burst };
      this.limiter = new TrapRateLimiter(config.ratePerSecond, config.burst);
    }
    if (!this.bound || this.bound.port !== config.port || this.bound.address !== config.address) {
      await this.close();
      await this.listen(config.port, config.address);
    }
    this.registerUsers(config.sources);
    return this.stats();
  }

  stats(): TrapReceiverStats {
    const rss = process.memoryUsage().rss;
    this.peakRss = Math.max(this.peakRss, rss, process.resourceUsage().maxRSS * 1024);
    const cpu = process.cpuUsage();
    return {
      listening: this.listening,
      error: this.listenError,
      port: this.bound?.port ?? null,
      ...this.counters,
      cpuS: (cpu.user + cpu.system) / 1e6,
      rssMb: this.peakRss / 1024 / 1024,
    };
  }

  async close(): Promise<void> {
    this.flush();
    const receiver = this.receiver;
    this.receiver = null;
    this.bound = null;
    this.listening = false;
    if (receiver) await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }

  private async listen(port: number, address: string): Promise<void> {
    this.bound = { port, address };
    this.listenError = null;
    const receiver = snmp.createReceiver(
      { port, address, disableAuthorization: true, includeAuthentication: true, transport: 'udp4' },
      (error: Error | null, notification?: { pdu: ReceivedPdu; rinfo: { address: string } }) =>
        this.onMessage(error, notification),
    );
    this.receiver = receiver;
    const sockets = Object.values(
      (receiver as unknown as { listener: { sockets: Record<string, Socket> } }).listener.sockets,
    );
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.once('listening', () => {
              this.listening = true;
              resolve();
            });
            socket.once('error', (error) => {
              this.listenError = error.message;
              resolve();
            });
          }),
      ),
    );
  }

  private registerUsers(sources: TrapSource[]): void {
    const authorizer = this.receiver?.getAuthorizer();
    if (!authorizer) return;
    for (const user of authorizer.getUsers()) authorizer.deleteUser(user.name);
    for (const source of sources) if (source.v3) authorizer.addUser(v3User(source.v3));
  }

  private onMessage(
    error: Error | null,
    notification?: { pdu: ReceivedPdu; rinfo: { address: string } },
  ): void {
    this.counters.received++;
    if (error || !notification) {
      // Bind errors arrive here too; the rest are messages net-snmp could not read or authenticate.
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
        this.counters.received--;
        this.listenError = error!.message;
        return;
      }
      if (/user|authentic|decrypt|digest|privacy/i.test(error?.message ?? '')) this.counters.badCredentials++;
      else this.counters.malformed++;
      return;
    }
    const at = Date.now();
    const { pdu, rinfo } = notification;
    const address = plainAddress(rinfo.address);
    if (!this.limiter.allow(address, at)) {
      this.counters.rateLimited++;
      return;
    }
    const source = this.sources.get(address) ?? null;
    const version: TrapNotice['version'] =
      pdu.user !== undefined ? '3' : pdu.type === snmp.PduType.Trap ? '1' : '2c';
    if (!source) this.counters.unknownSource++;
    else if (version === '3' ? source.v3?.user !== pdu.user : source.community !== pdu.community) {
      if (version === '3') this.counters.badCredentials++;
      else this.counters.badCommunity++;
      return;
    } else this.counters.accepted++;
    let identity: ReturnType<typeof trapIdentity>;
    try {
      identity = trapIdentity(pdu);
    } catch {
      this.counters.malformed++;
      return;
    }
    this.pending.push({
      at,
      address,
      deviceId: source?.deviceId ?? null,
      version,
      kind: pdu.type === snmp.PduType.InformRequest ? 'inform' : 'trap',
      ...identity,
    });
    if (this.pending.length >= FLUSH_AT) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.onNotices(batch);
  }
}
