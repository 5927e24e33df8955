import { memo, type CSSProperties, type MouseEvent } from 'react';
import type { Device, DeviceKind, DeviceState, DeviceStatus } from '../../../shared/contract/entities';
import { useFormat } from '../i18n/format';
import { stateColor } from '../shared/state-badge';
import classes from './device-table.module.css';

export interface DeviceRowActions {
  open(device: Device): void;
  edit(device: Device): void;
  remove(device: Device): void;
  menu(event: MouseEvent, device: Device): void;
}

/** Translated once per language by the page, not per row and burst. */
export interface DeviceRowLabels {
  state: Record<DeviceState, string>;
  kind: Record<DeviceKind, string>;
  edit: string;
  remove: string;
}

interface DeviceRowProps {
  device: Device;
  status: DeviceStatus | undefined;
  towerName: string | null;
  top: number;
  height: number;
  columns: string;
  actions: DeviceRowActions;
  labels: DeviceRowLabels;
}

/**
 * One row of the devices table. Memoised on its device, status and position: a status burst
 * re-renders only the visible rows whose status object changed.
 */
export const DeviceRow = memo(function DeviceRow({
  device,
  status,
  towerName,
  top,
  height,
  columns,
  actions,
  labels,
}: DeviceRowProps) {
  const format = useFormat();
  const state = status?.state ?? 'unknown';
  const color = stateColor[state];
  const pill = {
    '--pill-bg': `var(--mantine-color-${color}-light)`,
    '--pill-fg': `var(--mantine-color-${color}-light-color)`,
  } as CSSProperties;
  return (
    <div
      className={classes.row}
      data-testid="device-row"
      data-device-id={device.id}
      style={{ height, transform: `translateY(${top}px)`, gridTemplateColumns: columns }}
      onContextMenu={(event) => actions.menu(event, device)}
      onDoubleClick={() => actions.open(device)}
    >
      <span className={classes.name} onClick={() => actions.open(device)}>
        {device.name}
      </span>
      <span className={classes.mono}>{device.host}</span>
      <span className={classes.pill} style={pill} data-state={state}>
        {labels.state[state]}
      </span>
      <span className={classes.cell}>{towerName ?? '—'}</span>
      <span className={classes.cell}>{labels.kind[device.kind]}</span>
      <span className={classes.cell}>{format.number(status?.rttMs, ' ms')}</span>
      <span className={classes.cell}>{format.number(status?.lossPct, ' %')}</span>
      <span className={classes.dimmed}>{format.dateTime(status?.since)}</span>
      <span className={classes.actions}>
        <button
          type="button"
          className={classes.action}
          onClick={() => actions.edit(device)}
          aria-label={labels.edit}
        >
          ✎
        </button>
        <button
          type="button"
          className={classes.danger}
          onClick={() => actions.remove(device)}
          aria-label={labels.remove}
        >
          ✕
        </button>
      </span>
    </div>
  );
});
