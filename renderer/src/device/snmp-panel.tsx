import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DeviceSnmpConfig,
  DeviceSnmpSummary,
  InterfaceNow,
  SnmpCredentials,
} from '../../../shared/contract/snmp';
import { defaultSnmpThresholds } from '../../../shared/domain/snmp/thresholds';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { useLiveValue } from '../live/use-live';
import { notifyError, notifyOk } from '../shared/notify';
import { readLimits, saveLimits } from '../shared/snmp-limits';

type Version = '1' | '2c' | '3';

/**
 * A device's SNMP: credentials (sealed by the engine, never shown back), a test button that polls
 * once, the interfaces as last read, and its own utilisation and signal limits.
 */
export function SnmpPanel({ deviceId }: { deviceId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [summary, setSummary] = useState<DeviceSnmpSummary | null>(null);
  const [interfaces, setInterfaces] = useState<InterfaceNow[]>([]);
  // A device without SNMP yet starts from the stored defaults (Settings → SNMP defaults); pages
  // render only once the network and the settings are loaded.
  const defaults = useLiveValue((store) => store.settings!.snmp);
  const [enabled, setEnabled] = useState(true);
  const [version, setVersion] = useState<Version>(defaults.version);
  const [community, setCommunity] = useState('');
  const [user, setUser] = useState('');
  const [authKey, setAuthKey] = useState('');
  const [privKey, setPrivKey] = useState('');
  const [port, setPort] = useState<number | string>(defaults.port);
  const [intervalS, setIntervalS] = useState<number | string>(defaults.intervalS);
  const [utilization, setUtilization] = useState<number | string>(
    defaultSnmpThresholds.utilizationPct.raiseAt,
  );
  const [signal, setSignal] = useState<number | string>(defaultSnmpThresholds.signalDbm.raiseAt);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const client = getClient();
    void client.invoke('snmp.config.get', { deviceId }).then((found) => {
      setSummary(found);
      if (found) {
        setEnabled(found.enabled);
        setVersion(found.version);
        setUser(found.user ?? '');
        setPort(found.port);
        setIntervalS(found.intervalS);
      }
    }, notifyError);
    void client.invoke('snmp.interfaces', { deviceId }).then(setInterfaces, notifyError);
    void readLimits('devices', deviceId).then((limits) => {
      setUtilization(limits.utilizationPct);
      setSignal(limits.signalDbm);
    }, notifyError);
  }, [deviceId]);

  const config = (): DeviceSnmpConfig => {
    const credentials: SnmpCredentials =
      version === '3'
        ? {
            version: '3',
            user,
            level: privKey ? 'authPriv' : authKey ? 'authNoPriv' : 'noAuthNoPriv',
            authProtocol: 'sha',
            authKey,
            privProtocol: 'aes',
            privKey,
            context: '',
          }
        : { version, community };
    return { deviceId, enabled, port: Number(port), credentials, intervalS: Number(intervalS) };
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const test = () =>
    run(async () => {
      const result = await getClient().invoke('snmp.test', { config: config() });
      if (result.ok)
        notifyOk(`SNMP OK: ${result.system?.descr ?? ''} (${result.interfaces} ${t('snmp.interfaces')})`);
      else notifyError(new Error(result.error ?? 'SNMP'));
    });

  const save = () =>
    run(async () => {
      const client = getClient();
      setSummary(await client.invoke('snmp.config.set', { config: config() }));
      await saveLimits('devices', deviceId, {
        utilizationPct: Number(utilization),
        signalDbm: Number(signal),
      });
      notifyOk(t('snmp.saved'));
    });

  return (
    <Card withBorder data-testid="snmp-panel">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>SNMP</Text>
        {summary && (
          <Text size="xs" c={summary.lastError ? 'red' : 'dimmed'}>
            {summary.lastError ?? `${t('snmp.lastPoll')}: ${format.dateTime(summary.lastPollAt)}`}
          </Text>
        )}
      </Group>
      <Stack gap="xs">
        {summary && summary.missing.length > 0 && (
          <Alert color="gray" title={t('snmp.missingTitle')} data-testid="snmp-missing">
            {summary.missing.map((kind) => t(`snmp.missing.${kind}`)).join(' · ')}
          </Alert>
        )}
        <Group grow>
          <Switch
            label={t('snmp.enabled')}
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />
          <Select
            label={t('snmp.version')}
            data={['1', '2c', '3']}
            value={version}
            onChange={(value) => value && setVersion(value as Version)}
            allowDeselect={false}
          />
          <NumberInput label={t('snmp.port')} min={1} max={65535} value={port} onChange={setPort} />
          <NumberInput
            label={t('snmp.intervalS')}
            min={10}
            max={3600}
            value={intervalS}
            onChange={setIntervalS}
          />
        </Group>
        {version === '3' ? (
          <Group grow>
            <TextInput label={t('snmp.user')} value={user} onChange={(e) => setUser(e.currentTarget.value)} />
            <PasswordInput
              label={t('snmp.authKey')}
              value={authKey}
              onChange={(e) => setAuthKey(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('snmp.privKey')}
              value={privKey}
              onChange={(e) => setPrivKey(e.currentTarget.value)}
            />
          </Group>
        ) : (
          <PasswordInput
            label={t('snmp.community')}
            value={community}
            onChange={(e) => setCommunity(e.currentTarget.value)}
            description={summary ? t('snmp.secretKept') : undefined}
          />
        )}
        <Group grow>
          <NumberInput
            label={t('snmp.utilizationLimit')}
            min={1}
            max={100}
            value={utilization}
            onChange={setUtilization}
          />
          <NumberInput
            label={t('snmp.signalLimit')}
            min={-100}
            max={-30}
            value={signal}
            onChange={setSignal}
          />
        </Group>
        <Group>
          <Button variant="light" onClick={() => void test()} loading={busy}>
            {t('snmp.test')}
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {t('devices.save')}
          </Button>
        </Group>
        {interfaces.length > 0 && (
          <Table>
            <Table.Tbody>
              {interfaces.map((row) => (
                <Table.Tr key={row.index}>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td>{row.alias}</Table.Td>
                  <Table.Td>{row.operUp ? t('snmp.up') : t('snmp.down')}</Table.Td>
                  <Table.Td>{format.number(row.inBps === null ? null : row.inBps / 1e6, ' Mb/s')}</Table.Td>
                  <Table.Td>{format.number(row.outBps === null ? null : row.outBps / 1e6, ' Mb/s')}</Table.Td>
                  <Table.Td>{format.number(row.utilizationPct, ' %')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
