import { Group, MultiSelect, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../../shared/contract/entities';
import { allSeverities, type RoutingDraft } from './draft';
import type { TowerOption } from './use-notify-settings';

/** Which alarms reach one destination: severities, towers (all or some) and recoveries. */
export function RoutingFields({
  value,
  onChange,
  towers,
  errors,
  testId,
}: {
  value: RoutingDraft;
  onChange: (patch: Partial<RoutingDraft>) => void;
  towers: TowerOption[];
  errors: { severities?: string; towerIds?: string };
  testId: string;
}) {
  const { t } = useTranslation();
  const known = new Set(towers.map((tower) => tower.value));
  // A tower deleted since this filter was saved still shows, so it can be seen and removed.
  const towerData = [
    ...towers,
    ...(value.towerIds ?? [])
      .filter((id) => !known.has(String(id)))
      .map((id) => ({ value: String(id), label: t('notify.routing.removedTower', { id }) })),
  ];
  const allTowers = value.towerIds === null;
  return (
    <Stack gap="xs">
      <MultiSelect
        label={t('notify.field.severities')}
        data={allSeverities.map((severity) => ({ value: severity, label: t(`severity.${severity}`) }))}
        value={value.severities}
        onChange={(next) => onChange({ severities: next as Severity[] })}
        error={errors.severities}
        data-testid={`${testId}-severities`}
      />
      <Switch
        label={t('notify.routing.allTowers')}
        checked={allTowers}
        onChange={(e) => onChange({ towerIds: e.currentTarget.checked ? null : [] })}
        data-testid={`${testId}-all-towers`}
      />
      {!allTowers && (
        <MultiSelect
          label={t('notify.field.towerIds')}
          placeholder={t('notify.routing.pickTowers')}
          data={towerData}
          value={(value.towerIds ?? []).map(String)}
          onChange={(next) => onChange({ towerIds: next.map(Number) })}
          searchable
          clearable
          nothingFoundMessage={t('notify.routing.noTowerFound')}
          error={errors.towerIds}
          data-testid={`${testId}-towers`}
        />
      )}
      <Group>
        <Switch
          label={t('notify.field.recoveries')}
          description={t('notify.routing.recoveriesHelp')}
          checked={value.recoveries}
          onChange={(e) => onChange({ recoveries: e.currentTarget.checked })}
          data-testid={`${testId}-recoveries`}
        />
      </Group>
    </Stack>
  );
}
