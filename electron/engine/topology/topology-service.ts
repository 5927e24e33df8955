import type { Device } from '../../../shared/contract/entities';
import { SnmpCredentials, type SnmpOptions, type SnmpTarget } from '../../../shared/contract/snmp';
import type { NeighbourReport, ParentLinkProposal, TopologyView } from '../../../shared/contract/topology';
import { mergeProposals } from '../../../shared/domain/topology/proposal-states';
import { proposeParents, type TopologyPicture } from '../../../shared/domain/topology/propose';
import type { NeighbourReader } from '../collectors/snmp-port';
import type { Repository } from '../store/repository';
import type { SecretCipher } from '../store/secret-cipher';

/** Neighbour tables change when cables do: read every half hour, and when the operator asks. */
export const DISCOVERY_EVERY_MS = 30 * 60_000;

export interface TopologyServiceOptions {
  repo: Repository;
  cipher: SecretCipher;
  reader: NeighbourReader;
  options: () => SnmpOptions;
  log: (message: string) => void;
  now?: () => number;
}

/**
 * Reads the neighbour tables of every device with SNMP configured, proposes parent links from
 * them (shared/domain/topology) and keeps the proposals in the store for the operator to decide.
 * It never changes a parent itself.
 */
export class TopologyService {
  private last: { at: number; picture: TopologyPicture; reports: NeighbourReport[] } | null = null;
  private running: Promise<TopologyView> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: TopologyServiceOptions) {
    this.now = deps.now ?? Date.now;
  }

  start(): void {
    void this.discover().catch((error: unknown) => this.deps.log(`topology: ${(error as Error).message}`));
    this.timer = setInterval(
      () =>
        void this.discover().catch((error: unknown) =>
          this.deps.log(`topology: ${(error as Error).message}`),
        ),
      DISCOVERY_EVERY_MS,
    );
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One discovery over every device; a discovery already running is joined, not started twice. */
  discover(): Promise<TopologyView> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  async view(): Promise<TopologyView> {
    const proposals = await this.deps.repo.topology.proposals();
    const last = this.last;
    const picture = last?.picture;
    const devices = new Set((await this.deps.repo.devices.list()).map((device) => device.id));
    const unmatched = (
      entries: {
        observerId: number;
        neighbour: TopologyView['unknown'][number]['neighbour'];
        candidates?: number[];
      }[],
    ) =>
      entries.map(({ observerId, neighbour, candidates }) => ({
        observerId,
        neighbour,
        candidates: candidates ?? [],
      }));
    return {
      discoveredAt: last?.at ?? null,
      // A device deleted since is gone from the proposals with its row (cascade); the picture may lag.
      proposals: proposals.filter(
        (proposal) => devices.has(proposal.childId) && devices.has(proposal.parentId),
      ),
      discoveredParents: picture?.discovered ?? [],
      agreeing: picture?.agreeing ?? 0,
      unknown: unmatched(picture?.unknown ?? []),
      ambiguous: unmatched(picture?.ambiguous ?? []),
      undecided: (picture?.undecided ?? []).map(({ a, b }) => ({ a, b })),
      severalParents: picture?.severalParents ?? [],
      loops: picture?.loops ?? [],
      unread: (last?.reports ?? []).flatMap(({ deviceId, error }) => (error ? [{ deviceId, error }] : [])),
      read: (last?.reports ?? []).filter((report) => report.error === null).length,
      missing: {
        lldp: (last?.reports ?? []).filter((report) => report.missing.includes('lldp')).length,
        cdp: (last?.reports ?? []).filter((report) => report.missing.includes('cdp')).length,
        mndp: (last?.reports ?? []).filter((report) => report.missing.includes('mndp')).length,
      },
    };
  }

  /** Marks proposals decided (after an accepted one's parent was set through the inventory). */
  async decided(
    keys: readonly { childId: number; parentId: number }[],
    state: 'accepted' | 'rejected',
    by: string,
  ): Promise<void> {
    const wanted = new Set(keys.map(({ childId, parentId }) => `${childId}>${parentId}`));
    const at = this.now();
    const proposals = (await this.deps.repo.topology.proposals()).map((proposal): ParentLinkProposal =>
      wanted.has(`${proposal.childId}>${proposal.parentId}`)
        ? { ...proposal, state, decidedBy: by, decidedAt: at }
        : proposal,
    );
    await this.deps.repo.topology.replaceProposals(proposals);
  }

  private async run(): Promise<TopologyView> {
    const devices = await this.deps.repo.devices.list();
    const reports = await this.deps.reader.read(await this.targets(devices), this.deps.options());
    const at = this.now();
    const picture = proposeParents(devices, reports);
    const stored = await this.deps.repo.topology.proposals();
    await this.deps.repo.topology.replaceProposals(mergeProposals(stored, picture.proposals, at));
    this.last = { at, picture, reports };
    return this.view();
  }

  private async targets(devices: Device[]): Promise<SnmpTarget[]> {
    const byId = new Map(devices.map((device) => [device.id, device]));
    const targets: SnmpTarget[] = [];
    for (const config of await this.deps.repo.snmp.configs()) {
      const device = byId.get(config.deviceId);
      if (!config.enabled || !device) continue;
      try {
        const credentials = SnmpCredentials.parse(
          JSON.parse(await this.deps.cipher.decrypt(config.sealedCredentials)),
        );
        targets.push({ id: device.id, host: device.host, port: config.port, credentials });
      } catch (error) {
        this.deps.log(`topology: SNMP settings of device ${device.id} unusable: ${(error as Error).message}`);
      }
    }
    return targets;
  }
}
