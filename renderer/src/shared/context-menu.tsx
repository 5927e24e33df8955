import { Button, Group, Menu, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { getClient } from '../client';
import { navigate } from '../app/router';
import { useLiveStore } from '../live/use-live';
import { notifyError, notifyOk } from './notify';

export type MenuTarget =
  { scope: 'device'; id: number; name: string } | { scope: 'tower'; id: number; name: string };

interface Position {
  x: number;
  y: number;
}

const ContextMenuContext = createContext<
  (
    event: MouseEvent | { clientX: number; clientY: number; preventDefault?: () => void },
    target: MenuTarget,
  ) => void
>(() => undefined);

export const useContextMenu = () => useContext(ContextMenuContext);

const DURATIONS: { key: string; minutes: number | null }[] = [
  { key: 'menu.m30', minutes: 30 },
  { key: 'menu.h1', minutes: 60 },
  { key: 'menu.h4', minutes: 240 },
  { key: 'menu.untilEnded', minutes: null },
];

/**
 * The right-click menu of any device or tower, in tables and on map markers: maintenance with a
 * reason, end maintenance, acknowledge its alarms, ping now, open details.
 */
export function ContextMenuProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const store = useLiveStore();
  const [menu, setMenu] = useState<{ at: Position; target: MenuTarget } | null>(null);
  const [maintenance, setMaintenance] = useState<{
    target: MenuTarget;
    minutes: number | null;
    custom: boolean;
  } | null>(null);
  const [reason, setReason] = useState('');
  const [customMinutes, setCustomMinutes] = useState<number | string>(120);

  const open = useCallback(
    (
      event: MouseEvent | { clientX: number; clientY: number; preventDefault?: () => void },
      target: MenuTarget,
    ) => {
      event.preventDefault?.();
      setMenu({ at: { x: event.clientX, y: event.clientY }, target });
    },
    [],
  );

  const deviceIdsOf = (target: MenuTarget): number[] =>
    target.scope === 'device'
      ? [target.id]
      : [...store.devices.values()]
          .filter((device) => device.towerId === target.id)
          .map((device) => device.id);

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      notifyOk(done);
    } catch (error) {
      notifyError(error);
    }
  };

  const ackAlarms = (target: MenuTarget) => {
    const devices = new Set(deviceIdsOf(target));
    const ids = [...store.alarms.values()]
      .filter(
        (alarm) =>
          alarm.state === 'active' &&
          ((alarm.deviceId !== null && devices.has(alarm.deviceId)) ||
            (target.scope === 'tower' && alarm.towerId === target.id)),
      )
      .map((alarm) => alarm.id);
    if (ids.length === 0) return notifyOk(t('alarms.acked', { count: 0 }));
    void run(
      () => getClient().invoke('alarms.acknowledge', { ids, note: '' }),
      t('alarms.acked', { count: ids.length }),
    );
  };

  const startMaintenance = () => {
    if (!maintenance) return;
    const minutes = maintenance.custom ? Number(customMinutes) : maintenance.minutes;
    const { target } = maintenance;
    void run(
      () =>
        getClient().invoke('maintenance.start', {
          target: { scope: target.scope, id: target.id },
          minutes,
          reason: reason.trim(),
        }),
      t('menu.started'),
    ).then(() => {
      setMaintenance(null);
      setReason('');
    });
  };

  const target = menu?.target;
  const value = useMemo(() => open, [open]);
  return (
    <ContextMenuContext.Provider value={value}>
      {children}
      <Menu
        opened={menu !== null}
        onChange={(opened) => !opened && setMenu(null)}
        position="bottom-start"
        zIndex={2000}
        withinPortal
        shadow="md"
        width={240}
      >
        <Menu.Target>
          <div
            style={{ position: 'fixed', left: menu?.at.x ?? 0, top: menu?.at.y ?? 0, width: 1, height: 1 }}
          />
        </Menu.Target>
        {target && (
          <Menu.Dropdown data-testid="context-menu">
            <Menu.Label>{target.name}</Menu.Label>
            <Menu.Sub>
              <Menu.Sub.Target>
                <Menu.Sub.Item>{t('menu.maintenance')}</Menu.Sub.Item>
              </Menu.Sub.Target>
              <Menu.Sub.Dropdown>
                {DURATIONS.map(({ key, minutes }) => (
                  <Menu.Item key={key} onClick={() => setMaintenance({ target, minutes, custom: false })}>
                    {t(key)}
                  </Menu.Item>
                ))}
                <Menu.Item onClick={() => setMaintenance({ target, minutes: 120, custom: true })}>
                  {t('menu.custom')}
                </Menu.Item>
              </Menu.Sub.Dropdown>
            </Menu.Sub>
            <Menu.Item
              onClick={() =>
                void run(
                  () =>
                    getClient().invoke('maintenance.end', {
                      target: { scope: target.scope, id: target.id },
                    }),
                  t('menu.ended'),
                )
              }
            >
              {t('menu.endMaintenance')}
            </Menu.Item>
            <Menu.Item onClick={() => ackAlarms(target)}>{t('menu.ack')}</Menu.Item>
            <Menu.Item
              onClick={() =>
                void run(
                  () => getClient().invoke('devices.pingNow', { ids: deviceIdsOf(target) }),
                  t('menu.pinged'),
                )
              }
            >
              {t('menu.pingNow')}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item
              onClick={() =>
                navigate(target.scope === 'device' ? `devices/${target.id}` : `devices?tower=${target.id}`)
              }
            >
              {t('menu.details')}
            </Menu.Item>
          </Menu.Dropdown>
        )}
      </Menu>
      <Modal
        zIndex={2100}
        opened={maintenance !== null}
        onClose={() => setMaintenance(null)}
        title={`${t('menu.maintenance')} — ${maintenance?.target.name ?? ''}`}
      >
        <Stack>
          {maintenance?.custom ? (
            <NumberInput
              label={t('menu.minutes')}
              min={1}
              max={60 * 24 * 90}
              value={customMinutes}
              onChange={setCustomMinutes}
            />
          ) : (
            <Text size="sm">
              {t(DURATIONS.find((d) => d.minutes === maintenance?.minutes)?.key ?? 'menu.untilEnded')}
            </Text>
          )}
          <TextInput
            label={t('menu.reason')}
            required
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
            data-testid="maintenance-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setMaintenance(null)}>
              {t('devices.cancel')}
            </Button>
            <Button
              onClick={startMaintenance}
              disabled={reason.trim().length === 0}
              data-testid="maintenance-start"
            >
              {t('menu.start')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </ContextMenuContext.Provider>
  );
}
