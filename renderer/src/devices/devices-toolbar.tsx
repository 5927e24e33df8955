import { Button, Group, Select, TextInput } from '@mantine/core';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceKinds, deviceStates } from '../../../shared/contract/vocabulary';

export interface DeviceFilters {
  search: string;
  state: string | null;
  tower: string | null;
  kind: string | null;
  tag: string | null;
}

interface DevicesToolbarProps {
  filters: DeviceFilters;
  onFilters(patch: Partial<DeviceFilters>): void;
  towerOptions: { value: string; label: string }[];
  tags: string[];
  onAdd(): void;
  onImport(): void;
  onExport(): void;
}

/**
 * Search, filters and the table's actions. Memoised: its props do not change with status bursts,
 * so its five selects are not re-rendered every time the network moves.
 */
export const DevicesToolbar = memo(function DevicesToolbar({
  filters,
  onFilters,
  towerOptions,
  tags,
  onAdd,
  onImport,
  onExport,
}: DevicesToolbarProps) {
  const { t } = useTranslation();
  const stateOptions = useMemo(
    () => deviceStates.map((value) => ({ value, label: t(`state.${value}`) })),
    [t],
  );
  const kindOptions = useMemo(() => deviceKinds.map((value) => ({ value, label: t(`kind.${value}`) })), [t]);
  return (
    <Group>
      <TextInput
        placeholder={t('devices.search')}
        value={filters.search}
        onChange={(e) => onFilters({ search: e.currentTarget.value })}
        style={{ flex: 1 }}
        miw={240}
        data-testid="device-search"
      />
      <Select
        placeholder={t('devices.allStates')}
        data={stateOptions}
        value={filters.state}
        onChange={(state) => onFilters({ state })}
        clearable
        w={160}
      />
      <Select
        placeholder={t('devices.allTowers')}
        data={towerOptions}
        value={filters.tower}
        onChange={(tower) => onFilters({ tower })}
        clearable
        searchable
        w={220}
      />
      <Select
        placeholder={t('devices.allKinds')}
        data={kindOptions}
        value={filters.kind}
        onChange={(kind) => onFilters({ kind })}
        clearable
        w={150}
      />
      <Select
        placeholder={t('devices.tag')}
        data={tags}
        value={filters.tag}
        onChange={(tag) => onFilters({ tag })}
        clearable
        searchable
        w={140}
      />
      <Button onClick={onAdd} data-testid="add-device">
        {t('devices.add')}
      </Button>
      <Button variant="light" onClick={onImport} data-testid="import-devices">
        {t('devices.import')}
      </Button>
      <Button variant="default" onClick={onExport} data-testid="export-devices">
        {t('devices.export')}
      </Button>
    </Group>
  );
});
