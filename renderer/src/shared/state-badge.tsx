import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceState, Severity } from '../../../shared/contract/entities';

export const stateColor: Record<DeviceState, string> = {
  up: 'green',
  degraded: 'yellow',
  down: 'red',
  unreachable: 'orange',
  flapping: 'grape',
  maintenance: 'blue',
  unknown: 'gray',
};

export const severityColor: Record<Severity, string> = {
  critical: 'red',
  major: 'orange',
  minor: 'yellow',
  warning: 'cyan',
  info: 'gray',
};

export function StateBadge({ state }: { state: DeviceState }) {
  const { t } = useTranslation();
  return (
    <Badge color={stateColor[state]} variant="light" radius="sm" data-state={state}>
      {t(`state.${state}`)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Badge color={severityColor[severity]} variant="filled" radius="sm">
      {t(`severity.${severity}`)}
    </Badge>
  );
}
