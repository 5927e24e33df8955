import type { Device, Tower } from '../../contract/entities';
import type { AvailabilityReport, ReportGrouping, ReportIncident, ReportRow } from '../../contract/reports';
import { MAX_REPORT_INCIDENTS } from '../../contract/reports';
import { combine, type DeviceAvailability, type Incident } from './availability';

type ReportDevice = Pick<Device, 'id' | 'name' | 'host' | 'towerId' | 'tags'>;

interface Member {
  device: ReportDevice;
  figures: DeviceAvailability;
}

function row(key: string, name: string | null, members: Member[], extra: Partial<ReportRow> = {}): ReportRow {
  const figures = combine(members.map((member) => member.figures));
  return {
    key,
    name,
    host: '',
    tower: null,
    devices: members.length,
    ...figures,
    incidents: members.reduce((sum, member) => sum + member.figures.incidents.length, 0),
    ...extra,
  };
}

function groupsOf(
  members: Member[],
  keysOf: (device: ReportDevice) => (string | null)[],
): Map<string | null, Member[]> {
  const groups = new Map<string | null, Member[]>();
  for (const member of members)
    for (const key of keysOf(member.device)) {
      const group = groups.get(key);
      if (group) group.push(member);
      else groups.set(key, [member]);
    }
  return groups;
}

/**
 * A report from each device's figures: one row per device, tower or tag (a device with several
 * tags counts in each), the total over all devices, and the incidents, longest first.
 */
export function summarize(input: {
  devices: readonly ReportDevice[];
  towers: readonly Pick<Tower, 'id' | 'name'>[];
  figures: ReadonlyMap<number, DeviceAvailability>;
  groupBy: ReportGrouping;
  from: number;
  to: number;
  generatedAt: number;
}): AvailabilityReport {
  const towerName = new Map(input.towers.map((tower) => [tower.id, tower.name]));
  const deviceName = new Map(input.devices.map((device) => [device.id, device.name]));
  const nameOfTower = (id: number | null) => (id === null ? null : (towerName.get(id) ?? null));
  const members = input.devices.flatMap((device) => {
    const figures = input.figures.get(device.id);
    return figures ? [{ device, figures }] : [];
  });

  let rows: ReportRow[];
  if (input.groupBy === 'device')
    rows = members.map((member) =>
      row(String(member.device.id), member.device.name, [member], {
        host: member.device.host,
        tower: nameOfTower(member.device.towerId),
      }),
    );
  else {
    const keysOf =
      input.groupBy === 'tower'
        ? (device: ReportDevice) => [device.towerId === null ? null : String(device.towerId)]
        : (device: ReportDevice) => (device.tags.length > 0 ? device.tags : [null]);
    rows = [...groupsOf(members, keysOf)].map(([key, group]) =>
      row(key ?? '', key === null ? null : input.groupBy === 'tower' ? nameOfTower(Number(key)) : key, group),
    );
  }

  const incidents: ReportIncident[] = members
    .flatMap(({ device, figures }) => figures.incidents.map((incident) => ({ device, incident })))
    .sort((a, b) => b.incident.countedMs - a.incident.countedMs || a.incident.start - b.incident.start)
    .map(({ device, incident }) => ({
      deviceId: device.id,
      device: device.name,
      tower: nameOfTower(device.towerId),
      ...times(incident),
      cause: incident.cause.kind,
      causeName:
        incident.cause.kind === 'tower'
          ? nameOfTower(incident.cause.id)
          : incident.cause.kind === 'parent'
            ? (deviceName.get(incident.cause.id) ?? null)
            : null,
    }));
  const total = row('', null, members);
  return {
    from: input.from,
    to: input.to,
    groupBy: input.groupBy,
    generatedAt: input.generatedAt,
    rows,
    total: {
      devices: total.devices,
      monitoredMs: total.monitoredMs,
      downMs: total.downMs,
      maintenanceMs: total.maintenanceMs,
      availabilityPct: total.availabilityPct,
      incidents: total.incidents,
    },
    incidents: incidents.slice(0, MAX_REPORT_INCIDENTS),
    incidentsTotal: incidents.length,
  };
}

const times = ({ start, end, durationMs, countedMs, ongoing }: Incident) => ({
  start,
  end,
  durationMs,
  countedMs,
  ongoing,
});
