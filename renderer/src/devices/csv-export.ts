import type { TFunction } from 'i18next';
import type { Device, DeviceStatus, Tower } from '../../../shared/contract/entities';
import { devicesCsv } from '../../../shared/domain/import/export-csv';
import type { Language } from '../../../shared/i18n/language';

/** The devices as the export writes them, in the words of the UI's language. */
export function devicesToCsv(
  devices: Device[],
  towers: Map<number, Tower>,
  statuses: Map<number, DeviceStatus>,
  language: Language,
  t: TFunction,
): string {
  const states = new Map([...statuses].map(([id, status]) => [id, status.state]));
  return devicesCsv(devices, towers, states, language, {
    kind: (kind) => t(`kind.${kind}`),
    state: (state) => t(`state.${state}`),
    yes: t('devices.yes'),
    no: t('devices.no'),
  });
}

export function download(filename: string, content: string | Blob): void {
  const blob =
    typeof content === 'string' ? new Blob([content], { type: 'text/csv;charset=utf-8' }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
