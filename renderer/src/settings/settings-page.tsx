import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLiveValue } from '../live/use-live';
import { GroupForm } from './group-form';
import { NotificationsSection } from './notifications/notifications-section';
import { PollerGroupsCard } from './poller-groups-card';
import { WorkstationCard } from './workstation-card';

/**
 * Every setting, one card per group: this workstation (operator, language, theme), ICMP
 * monitoring, SNMP defaults, retention, the map and notifications. All are stored by the engine and
 * apply without a restart, except what a card says after saving.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useLiveValue((store) => store.settings);
  if (!settings) return <Text>{t('app.loading')}</Text>;
  return (
    <Stack maw={980}>
      <WorkstationCard ui={settings.ui} />
      <GroupForm group="monitor" stored={settings.monitor} />
      <GroupForm group="snmp" stored={settings.snmp} />
      <GroupForm group="retention" stored={settings.retention} />
      <GroupForm group="map" stored={settings.map} />
      <NotificationsSection />
      <PollerGroupsCard />
    </Stack>
  );
}
