import { Badge, Button, Group, Stack, Switch, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupRow } from '../../../shared/contract/backup';
import { navigate } from '../app/router';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { notifyError, notifyOk } from '../shared/notify';
import { BackupCounts } from './backup-counts';
import { BackupResult } from './backup-result';
import { RunProgress } from './run-progress';
import { SettingsModal } from './settings-modal';
import { TargetForm } from './target-form';
import { useBackups } from './use-backups';
import { VersionsDrawer } from './versions-drawer';
import { weakCryptoCsv } from './weak-crypto-report';
import { download } from '../devices/csv-export';

/** What the hash asks for: a device's versions, maybe a given diff (the change alarm's link). */
function linkedDiff(): { device: number; from: number; to: number } | { device: number } | null {
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const device = Number(params.get('device'));
  if (!device) return null;
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  return from && to ? { device, from, to } : { device };
}

const hasProblem = (row: BackupRow) =>
  row.failure !== null || row.hostKeyPending || row.addressChanged || row.weakCrypto.length > 0;

/** Per device its last result and reason, age, versions and diffs; run one or all now. */
export function BackupsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { overview, readAt, progress, running, refresh, setProgress } = useBackups();
  const [filter, setFilter] = useState('');
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const [link] = useState(linkedDiff);
  const [viewing, setViewing] = useState<{ id: number; initial: { from: number; to: number } | null } | null>(
    link ? { id: link.device, initial: 'from' in link ? { from: link.from, to: link.to } : null } : null,
  );

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (overview?.rows ?? []).filter(
      (row) =>
        (!problemsOnly || hasProblem(row)) &&
        (!needle || row.deviceName.toLowerCase().includes(needle) || row.host.includes(needle)),
    );
  }, [overview, filter, problemsOnly]);

  const act = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) notifyOk(done);
      await refresh();
    } catch (error) {
      notifyError(error);
    }
  };
  const run = (deviceIds: number[] | null) =>
    act(async () => setProgress(await getClient().invoke('backup.run', { deviceIds })), t('backups.started'));

  const exportWeakCrypto = () =>
    download(
      `${t('backups.weakFile')}.csv`,
      weakCryptoCsv(
        overview?.rows ?? [],
        {
          device: t('backups.weakCol.device'),
          host: t('backups.weakCol.host'),
          profile: t('backups.weakCol.profile'),
          algorithms: t('backups.weakCol.algorithms'),
          lastOk: t('backups.weakCol.lastOk'),
        },
        {
          profile: (row) => t(`backups.profile.${row.profile}`),
          lastOk: (row) => (row.lastOkAt === null ? '' : format.dateTime(row.lastOkAt)),
        },
      ),
    );

  const viewed = viewing ? overview?.rows.find((row) => row.deviceId === viewing.id) : undefined;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('backups.title')}</Title>
        <Group gap="xs">
          <Button variant="subtle" onClick={() => setAdjusting(true)} data-testid="backup-settings">
            {t('backups.settings.title')}
          </Button>
          <Button variant="light" onClick={() => setEditing('new')} data-testid="backup-add">
            {t('backups.add')}
          </Button>
        </Group>
      </Group>
      {overview && <BackupCounts counts={overview.counts} />}
      <RunProgress
        progress={progress}
        running={running}
        onRunAll={() => void run(null)}
        onCancel={() => void act(async () => setProgress(await getClient().invoke('backup.cancel', {})))}
      />
      <Group>
        <TextInput
          placeholder={t('backups.filter')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        {(overview?.rows ?? []).some((row) => row.weakCrypto.length > 0) && (
          <Button variant="subtle" onClick={exportWeakCrypto} data-testid="backup-weak-export">
            {t('backups.weakExport')}
          </Button>
        )}
        <Switch
          label={t('backups.onlyProblems')}
          checked={problemsOnly}
          onChange={(e) => setProblemsOnly(e.currentTarget.checked)}
        />
      </Group>
      {overview && overview.rows.length === 0 ? (
        <Text c="dimmed">{t('backups.none')}</Text>
      ) : (
        <Table striped highlightOnHover data-testid="backups-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backups.col.device')}</Table.Th>
              <Table.Th>{t('backups.col.profile')}</Table.Th>
              <Table.Th>{t('backups.col.last')}</Table.Th>
              <Table.Th>{t('backups.col.age')}</Table.Th>
              <Table.Th>{t('backups.col.versions')}</Table.Th>
              <Table.Th>{t('backups.col.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.deviceId} data-testid={`backup-row-${row.deviceId}`}>
                <Table.Td>
                  <Text
                    size="sm"
                    fw={500}
                    style={{ cursor: 'pointer' }}
                    onClick={() => navigate(`devices/${row.deviceId}`)}
                  >
                    {row.deviceName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {row.host}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`backups.profile.${row.profile}`)}</Text>
                  <Group gap={4}>
                    {row.weakCrypto.length > 0 && (
                      <Tooltip label={t('backups.weakCrypto', { list: row.weakCrypto.join(', ') })}>
                        <Badge size="xs" color="yellow">
                          {t('backups.weakBadge')}
                        </Badge>
                      </Tooltip>
                    )}
                    {row.hostKeyPending && (
                      <Badge size="xs" color="red">
                        {t('backups.hostKeyPending')}
                      </Badge>
                    )}
                    {row.addressChanged && (
                      <Badge size="xs" color="orange">
                        {t('backups.addressChanged')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <BackupResult row={row} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {row.lastOkAt
                      ? t('time.ago', { value: format.duration(readAt - row.lastOkAt) })
                      : t('backups.never')}
                  </Text>
                </Table.Td>
                <Table.Td>{row.versions}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      disabled={row.running}
                      onClick={() => void run([row.deviceId])}
                      data-testid={`backup-run-${row.deviceId}`}
                    >
                      {t('backups.runNow')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setViewing({ id: row.deviceId, initial: null })}
                      data-testid={`backup-versions-${row.deviceId}`}
                    >
                      {t('backups.showVersions')}
                    </Button>
                    <Button size="xs" variant="subtle" onClick={() => setEditing(row.deviceId)}>
                      {t('backups.configure')}
                    </Button>
                    {row.hostKeyPending && (
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        onClick={() =>
                          void act(async () => {
                            const target = await getClient().invoke('backup.target.get', {
                              deviceId: row.deviceId,
                            });
                            const waiting = [
                              target?.offeredHostKey,
                              target?.jump?.offeredHostKey &&
                                `${target.jump.host}: ${target.jump.offeredHostKey}`,
                            ].filter(Boolean);
                            if (
                              waiting.length > 0 &&
                              window.confirm(t('backups.trustKeyConfirm', { key: waiting.join(' · ') }))
                            ) {
                              await getClient().invoke('backup.hostKey.trust', {
                                deviceId: row.deviceId,
                              });
                            }
                          })
                        }
                      >
                        {t('backups.trustKey')}
                      </Button>
                    )}
                    {row.addressChanged && (
                      <Button
                        size="xs"
                        color="orange"
                        variant="light"
                        onClick={() =>
                          void act(() =>
                            getClient().invoke('backup.target.confirmAddress', {
                              deviceId: row.deviceId,
                            }),
                          )
                        }
                      >
                        {t('backups.confirmAddress')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== null && (
        <TargetForm
          deviceId={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void refresh();
          }}
        />
      )}
      {adjusting && <SettingsModal onClose={() => setAdjusting(false)} />}
      {viewing && (
        <VersionsDrawer
          device={{ id: viewing.id, name: viewed?.deviceName ?? '' }}
          initial={viewing.initial}
          onClose={() => setViewing(null)}
        />
      )}
    </Stack>
  );
}
