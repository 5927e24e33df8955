import { AppShell, Badge, Group, NavLink, Text, Title, Tooltip } from '@mantine/core';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onConnectionChange } from '../client';
import { DevicesPage } from '../devices/devices-page';
import type { LiveStore } from '../live/live-store';
import { useLiveValue } from '../live/use-live';
import { navigate, useRoute, type Route } from './router';
import { lazyNamed } from '../shared/lazy-named';
import { useWorkstationSync } from './workstation-sync';
import { AccountMenu } from '../login/account-menu';
import { useMe } from '../login/use-me';
import { useResyncAfterReconnect } from '../live/use-resync';
import { OutageBanner } from '../outage/outage-banner';
import { NAV_PAGES as PAGES } from './nav-pages';

// Every page but the devices table, where the operator lands most, loads on first visit: the
// table starts sooner, and Leaflet and recharts load only for the pages that draw with them.
const DashboardPage = lazyNamed(() => import('../dashboard/dashboard-page'), 'DashboardPage');
const AlarmsPage = lazyNamed(() => import('../alarms/alarms-page'), 'AlarmsPage');
const TowersPage = lazyNamed(() => import('../towers/towers-page'), 'TowersPage');
const MapPage = lazyNamed(() => import('../map/map-page'), 'MapPage');
const DevicePage = lazyNamed(() => import('../device/device-page'), 'DevicePage');
const OpticalPage = lazyNamed(() => import('../optical/optical-page'), 'OpticalPage');
const SettingsPage = lazyNamed(() => import('../settings/settings-page'), 'SettingsPage');
const BackupsPage = lazyNamed(() => import('../backups/backups-page'), 'BackupsPage');
const WallPage = lazyNamed(() => import('../wall/wall-page'), 'WallPage');
const SyntheticPage = lazyNamed(() => import('../synthetic/synthetic-page'), 'SyntheticPage');
const SystemPage = lazyNamed(() => import('../system/system-page'), 'SystemPage');
const HealthPage = lazyNamed(() => import('../health/health-page'), 'HealthPage');
const ReportsPage = lazyNamed(() => import('../reports/reports-page'), 'ReportsPage');
const TrapsPage = lazyNamed(() => import('../traps/traps-page'), 'TrapsPage');
const TopologyPage = lazyNamed(() => import('../topology/topology-page'), 'TopologyPage');
const UsersPage = lazyNamed(() => import('../users/users-page'), 'UsersPage');

function Page({ route, admin }: { route: Route; admin: boolean }) {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'map':
      return <MapPage />;
    case 'devices':
      return (
        <DevicesPage
          initialTower={new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('tower')}
        />
      );
    case 'device':
      return <DevicePage id={route.id} />;
    case 'towers':
      return <TowersPage />;
    case 'alarms':
      return <AlarmsPage />;
    case 'optical':
      return <OpticalPage />;
    case 'settings':
      return <SettingsPage />;
    case 'backups':
      return <BackupsPage />;
    case 'wall':
      // Drawn by App outside the shell: a TV has no use for the menu.
      return null;
    case 'checks':
      return <SyntheticPage />;
    case 'system':
      return <SystemPage />;
    case 'health':
      return <HealthPage />;
    case 'reports':
      return <ReportsPage />;
    case 'traps':
      return <TrapsPage />;
    case 'topology':
      return <TopologyPage />;
    case 'users':
      // The engine refuses the list to anyone else anyway; the page is not even drawn for them.
      return admin ? <UsersPage /> : <DashboardPage />;
  }
}

const activeAlarmCount = (store: LiveStore): number => {
  let count = 0;
  for (const alarm of store.alarms.values()) if (alarm.state === 'active') count++;
  return count;
};

export function App() {
  const { t } = useTranslation();
  const activeAlarms = useLiveValue(activeAlarmCount);
  const demo = useLiveValue((store) => store.info?.demo === true);
  const loadError = useLiveValue((store) => store.error);
  const loaded = useLiveValue((store) => store.loaded);
  const route = useRoute();
  const me = useMe();
  // Named users only: a workstation on its own store has no accounts to manage.
  const admin = me?.role === 'admin' && !me.local;
  useWorkstationSync();
  useResyncAfterReconnect();
  const [connected, setConnected] = useState(true);
  useEffect(() => onConnectionChange(setConnected), []);

  useEffect(() => {
    document.title = activeAlarms > 0 ? `(${activeAlarms}) Vigia` : 'Vigia';
  }, [activeAlarms]);

  // Alt+1…9 jump to the main pages, as NOC operators expect from a wall-screen app.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey) return;
      const page = PAGES[Number(event.key) - 1];
      if (page) {
        event.preventDefault();
        navigate(page);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const current = route.page === 'device' ? 'devices' : route.page;
  if (route.page === 'wall')
    return loaded ? (
      <Suspense fallback={<Text>{t('app.loading')}</Text>}>
        <WallPage />
      </Suspense>
    ) : (
      <Text p="lg">{loadError ? t('app.loadError', { message: loadError }) : t('app.loading')}</Text>
    );
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 200, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Title order={4}>{t('app.name')}</Title>
            {demo && (
              <Tooltip label={t('app.demoHint')}>
                <Badge color="grape" variant="filled" data-testid="demo-badge">
                  {t('app.demo')}
                </Badge>
              </Tooltip>
            )}
            {!connected && (
              <Badge color="red" variant="light">
                {t('app.disconnected')}
              </Badge>
            )}
          </Group>
          <Group gap="sm">
            <Badge
              color={activeAlarms > 0 ? 'red' : 'green'}
              variant="light"
              style={{ cursor: 'pointer' }}
              onClick={() => navigate('alarms')}
              data-testid="active-alarm-count"
            >
              {t('dashboard.activeAlarms')}: {activeAlarms}
            </Badge>
            <AccountMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {PAGES.map((page, i) => (
          <NavLink
            key={page}
            label={t(`nav.${page}`)}
            active={current === page}
            onClick={() => navigate(page)}
            rightSection={i < 9 ? <Text size="xs" c="dimmed">{`Alt+${i + 1}`}</Text> : undefined}
            data-testid={`nav-${page}`}
          />
        ))}
        {admin && (
          <NavLink
            label={t('nav.users')}
            active={current === 'users'}
            onClick={() => navigate('users')}
            data-testid="nav-users"
          />
        )}
        <NavLink label={t('nav.wall')} mt="auto" onClick={() => navigate('wall')} data-testid="nav-wall" />
      </AppShell.Navbar>
      <AppShell.Main>
        <OutageBanner />
        {loadError ? (
          <Text c="red">{t('app.loadError', { message: loadError })}</Text>
        ) : loaded ? (
          <Suspense fallback={<Text>{t('app.loading')}</Text>}>
            <Page route={route} admin={admin} />
          </Suspense>
        ) : (
          <Text>{t('app.loading')}</Text>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
