import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import type { ClusterChildOptions } from './cluster-child';
import { FakeTelegram } from './fake-telegram';
import { LeaseTimelineWatch, type FaultTimeline } from './cluster-timeline';
import { PausableProxy } from './pausable-proxy';
import { deliveredKeys } from './notify-harness';
import { startTestPostgres, type TestPostgres } from './postgres';

const root = resolve(import.meta.dirname, '../..');
const CHAT = '-1001';

export interface Instance {
  name: string;
  process: ChildProcess;
  /** Its own way to the database: cut, the instance loses every connection and makes none. */
  proxy: PausableProxy;
  pid: number;
  instanceId: string;
  /** The ICMP cycles it finished (epoch ms): started, and finished as the harness heard it. */
  cycles: { startedAt: number; finishedAt: number }[];
  /** Its cluster log lines (lease rounds, terms, self-fencing), with when the harness heard them. */
  log: { at: number; line: string }[];
}

export interface Leader {
  pid: number;
  epoch: number;
  since: number;
}

export type Fault = 'kill' | 'stop' | 'cut';

/** A fault's timeline (seconds after it, database clock) with the new leader's first cycle. */
export interface Takeover extends FaultTimeline {
  /** The new leader's first ICMP cycle in its term: started and finished (null: none in time). */
  firstCycle: { startedS: number; finishedS: number } | null;
  /** Every instance's cluster log lines from the fault on. */
  log: { name: string; atS: number; line: string }[];
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Instances of Vigia, each a real process (cluster-child.ts), on one embedded PostgreSQL, with a
 * scripted network and a local fake of the Bot API; every address is 127.0.0.1. The harness reads
 * who leads straight from the lease table and counts each alarm event in what the fake accepted.
 */
export class ClusterHarness {
  readonly instances: Instance[] = [];
  private readonly dirs: string[] = [];
  private readonly sql: pg.Pool;
  private downIds: number[] = [];

  private constructor(
    private readonly postgres: TestPostgres,
    readonly telegram: FakeTelegram,
    private readonly apiRoot: string,
    private readonly base: string,
    readonly cycleS: number,
    readonly deviceIds: number[],
  ) {
    this.sql = new pg.Pool({ connectionString: postgres.url, max: 2 });
    // An idle connection ended by the server (it stops) is no error of the run: the next query tells.
    this.sql.on('error', () => undefined);
  }

  static async start(options: {
    instances: number;
    devices: number;
    cycleS: number;
  }): Promise<ClusterHarness> {
    const postgres = await startTestPostgres();
    const telegram = new FakeTelegram([CHAT]);
    const apiRoot = await telegram.listen();
    const base = mkdtempSync(join(tmpdir(), `vigia-cluster-${process.pid}-`));
    // The schema first (migrations run at an engine's start), then the devices every instance sees.
    const first = await ClusterHarness.seed(postgres.url, options.devices);
    const harness = new ClusterHarness(postgres, telegram, apiRoot, base, options.cycleS, first);
    harness.setDown([]);
    try {
      // The first saves the settings the others read at their start.
      await harness.launch('a', true);
      const others = Array.from({ length: options.instances - 1 }, (_, i) => String.fromCharCode(98 + i));
      await Promise.all(others.map((name) => harness.launch(name, false)));
    } catch (error) {
      await harness.stop();
      throw error;
    }
    return harness;
  }

  private static async seed(url: string, devices: number): Promise<number[]> {
    const { openStore } = await import('../../electron/engine/store/open-store');
    const repo = await openStore({ dialect: 'postgres', url });
    try {
      await repo.devices.createMany(
        Array.from({ length: devices }, (_, index) => ({
          name: `CPE-${index + 1}`,
          host: `127.1.${Math.floor(index / 250)}.${(index % 250) + 1}`,
        })),
      );
      return (await repo.devices.list()).map((device) => device.id).sort((a, b) => a - b);
    } finally {
      await repo.close();
    }
  }

  /** Starts one more instance (its own data folder) and waits until it is up. */
  async launch(name: string, setup: boolean): Promise<Instance> {
    const dataDir = join(this.base, name);
    const target = new URL(this.postgres.url);
    const proxy = new PausableProxy(Number(target.port));
    target.port = String(await proxy.listen());
    const options: ClusterChildOptions = {
      dataDir,
      url: target.toString(),
      keyDir: this.base,
      downFile: join(this.base, 'down.json'),
      setup: setup ? { apiRoot: this.apiRoot, chatId: CHAT, cycleS: this.cycleS } : null,
    };
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/helpers/cluster-child.ts')], {
      cwd: root,
      env: { ...process.env, VIGIA_CLUSTER_CHILD: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const cycles: Instance['cycles'] = [];
    const log: Instance['log'] = [];
    createInterface({ input: child.stderr! }).on('line', (line) => {
      if (line.startsWith('cluster:')) log.push({ at: Date.now(), line });
      if (process.env.VIGIA_CLUSTER_DEBUG) process.stderr.write(`[${name}] ${line}\n`);
    });
    const ready = await new Promise<{ instanceId: string; pid: number }>((done, fail) => {
      child.once('exit', (code) => fail(new Error(`instance ${name} exited (${code}) before it was ready`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const parsed = JSON.parse(line) as {
          ready?: boolean;
          instanceId: string;
          pid: number;
          cycle?: { at: number; ms: number };
        };
        if (parsed.cycle)
          cycles.push({ startedAt: parsed.cycle.at, finishedAt: parsed.cycle.at + parsed.cycle.ms });
        if (parsed.ready) done(parsed);
      });
    });
    const instance = {
      name,
      process: child,
      proxy,
      pid: ready.pid,
      instanceId: ready.instanceId,
      cycles,
      log,
    };
    this.instances.push(instance);
    return instance;
  }

  /**
   * Starts a killed instance again on its data folder, as a service manager would: the same
   * instance id, a new process (and fencing holder). Resolves once it is up.
   */
  restart(killed: Instance): Promise<Instance> {
    return this.launch(killed.name, false);
  }

  /** The devices that stop answering from the next cycle on (the others answer). */
  setDown(ids: number[]): void {
    this.downIds = ids;
    writeFileSync(join(this.base, 'down.json'), JSON.stringify(ids));
  }

  down(): number[] {
    return this.downIds;
  }

  /** The default group's lease as stored, when it has not expired by the database's clock. */
  async leader(): Promise<Leader | null> {
    const { rows } = await this.sql.query<{ holder: string; epoch: string; since: string }>(
      `SELECT holder, epoch, since FROM poller_leases
       WHERE group_id = 1 AND expires_at > (extract(epoch FROM clock_timestamp()) * 1000)::bigint`,
    );
    const row = rows[0];
    return row
      ? { pid: Number(row.holder.split('/')[1]), epoch: Number(row.epoch), since: Number(row.since) }
      : null;
  }

  /** The database's clock, by which leases are taken and expire (epoch milliseconds). */
  async databaseNow(): Promise<number> {
    const { rows } = await this.sql.query<{ now: string }>(
      `SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS now`,
    );
    return Number(rows[0]!.now);
  }

  /** Waits for a live leader other than `not` (a pid); the time it took is the caller's to take. */
  async waitLeader(not: number | null, timeoutMs: number): Promise<Leader> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const leader = await this.leader();
      if (leader && leader.pid !== not && this.instances.some((i) => i.pid === leader.pid)) return leader;
      await sleep(50);
    }
    throw new Error(`no new leader within ${timeoutMs} ms`);
  }

  instance(pid: number): Instance {
    const found = this.instances.find((instance) => instance.pid === pid);
    if (!found) throw new Error(`no instance with pid ${pid}`);
    return found;
  }

  /**
   * Takes the leader out the way `fault` says and returns once another instance leads, with the
   * seconds from the fault to the new lease, both by the database's clock: the new term's start is
   * when the instance took it, not when this harness, polling on a loaded machine, came to see it
   * (the fault's time is read just before it, so the figure errs long, never short). `stop` keeps
   * the old leader stopped for `stopCycles` cycles from the fault, then continues it; `cut` resets
   * its database connections and refuses new ones for as long, then lets it connect again. Either
   * ends once another instance leads, at the earliest (0: right then, the closest race between
   * the woken leader's self-fence and its successor). It also returns the fault's timeline.
   */
  async fail(
    fault: Fault,
    stopCycles = 3,
  ): Promise<{ takeoverS: number; from: Instance; to: Leader; timeline: Takeover }> {
    const before = await this.waitLeader(null, this.cycleS * 4_000);
    const from = this.instance(before.pid);
    const faultAt = await this.databaseNow();
    const at = Date.now();
    const watch = new LeaseTimelineWatch(this.sql, faultAt);
    const everyone = [...this.instances];
    let to: Leader;
    try {
      if (fault === 'kill') {
        from.process.kill('SIGKILL');
        await new Promise((done) => from.process.once('exit', done));
        this.instances.splice(this.instances.indexOf(from), 1);
        await from.proxy.close();
      }
      if (fault === 'stop') from.process.kill('SIGSTOP');
      if (fault === 'cut') await from.proxy.cut();
      to = await this.waitLeader(before.pid, this.cycleS * 4_000);
    } catch (error) {
      // What the lease did meanwhile says why nobody took over.
      const seen = await watch.stop().catch(() => null);
      throw new Error(`${(error as Error).message} after a ${fault}: ${JSON.stringify(seen)}`, {
        cause: error,
      });
    }
    const takeoverS = (to.since - faultAt) / 1_000;
    const leader = this.instance(to.pid);
    const firstCycle = () => leader.cycles.find((cycle) => cycle.startedAt >= to.since);
    const deadline = Date.now() + this.cycleS * 4_000;
    while (!firstCycle() && Date.now() < deadline) await sleep(50);
    const cycle = firstCycle();
    const timeline: Takeover = {
      ...(await watch.stop()),
      firstCycle: cycle
        ? { startedS: (cycle.startedAt - faultAt) / 1_000, finishedS: (cycle.finishedAt - faultAt) / 1_000 }
        : null,
      log: everyone
        .flatMap(({ name, log }) =>
          log
            .filter((entry) => entry.at >= faultAt)
            .map((entry) => ({ name, atS: (entry.at - faultAt) / 1_000, line: entry.line })),
        )
        .sort((a, b) => a.atS - b.atS),
    };
    if (fault !== 'kill') {
      await sleep(Math.max(0, at + stopCycles * this.cycleS * 1_000 - Date.now()));
      if (fault === 'stop') from.process.kill('SIGCONT');
      else await from.proxy.restore();
    }
    return { takeoverS, from, to, timeline };
  }

  /** Every ICMP alarm event the store holds (raised, and cleared when it was), as "raised:12". */
  async events(): Promise<string[]> {
    const { rows } = await this.sql.query<{ id: number; cleared_at: string | null }>(
      `SELECT id, cleared_at FROM alarms WHERE source = 'icmp'`,
    );
    return rows.flatMap((row) => [`raised:${row.id}`, ...(row.cleared_at ? [`cleared:${row.id}`] : [])]);
  }

  /** What the fake accepted against what the store holds: events never delivered, and extra copies. */
  async tally(): Promise<{ events: number; lost: number; duplicated: number }> {
    const expected = await this.events();
    const counts = new Map<string, number>();
    for (const key of deliveredKeys(this.telegram.sent.map((message) => message.text)))
      counts.set(key, (counts.get(key) ?? 0) + 1);
    let duplicated = 0;
    for (const n of counts.values()) duplicated += n - 1;
    return { events: expected.length, lost: expected.filter((key) => !counts.has(key)).length, duplicated };
  }

  /** Waits until every event the store holds reached the fake (or the time is up). */
  async delivered(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await this.tally()).lost === 0) return;
      await sleep(200);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.instances.map(async ({ process: child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGCONT');
        child.kill('SIGTERM');
        await exited;
      }),
    );
    for (const instance of this.instances) await instance.proxy.close();
    await this.sql.end();
    await this.telegram.close();
    await this.postgres.stop();
    rmSync(this.base, { recursive: true, force: true });
  }
}
