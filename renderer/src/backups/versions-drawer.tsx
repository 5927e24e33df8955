import { Badge, Button, Code, Drawer, Group, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/contract/api';
import type { BackupVersionInfo } from '../../../shared/contract/backup';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { notifyError } from '../shared/notify';

type Diff = ApiOutput<'backup.diff'>;

const lineColor = {
  added: 'var(--mantine-color-green-light)',
  removed: 'var(--mantine-color-red-light)',
  same: undefined,
};
const marker = { added: '+', removed: '−', same: ' ' };

/** The changed places between two versions, with context, as an operator reads a diff. */
function DiffView({ diff }: { diff: Diff }) {
  const { t } = useTranslation();
  if (diff.hunks.length === 0) return <Text c="dimmed">{t('backups.diff.same')}</Text>;
  return (
    <Stack gap="xs" data-testid="backup-diff">
      {diff.hunks.map((hunk) => (
        <div key={`${hunk.oldStart}:${hunk.newStart}`}>
          <Text size="xs" c="dimmed">
            {t('backups.diff.hunk', { old: hunk.oldStart, new: hunk.newStart })}
          </Text>
          <Code block p={0}>
            {hunk.lines.map((line, index) => (
              <div
                key={index}
                style={{ background: lineColor[line.kind], padding: '0 8px', whiteSpace: 'pre' }}
              >
                {marker[line.kind]} {line.text}
              </div>
            ))}
          </Code>
        </div>
      ))}
    </Stack>
  );
}

/** A device's versions: pick any two to compare (newest against the one before by default), or read one. */
export function VersionsDrawer({
  device,
  initial,
  onClose,
}: {
  device: { id: number; name: string };
  initial: { from: number; to: number } | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [versions, setVersions] = useState<BackupVersionInfo[] | null>(null);
  const [from, setFrom] = useState<string | null>(initial ? String(initial.from) : null);
  const [to, setTo] = useState<string | null>(initial ? String(initial.to) : null);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [content, setContent] = useState<string | null>(null);

  useEffect(() => {
    void getClient()
      .invoke('backup.versions', { deviceId: device.id })
      .then((list) => {
        setVersions(list);
        if (!initial && list.length > 0) {
          setTo(String(list[0]!.id));
          setFrom(String((list[1] ?? list[0]!).id));
        }
      }, notifyError);
  }, [device.id, initial]);

  useEffect(() => {
    setDiff(null);
    if (!from || !to || from === to) return;
    void getClient()
      .invoke('backup.diff', { fromId: Number(from), toId: Number(to) })
      .then(setDiff, notifyError);
  }, [from, to]);

  const options = (versions ?? []).map((version) => ({
    value: String(version.id),
    label: `${format.dateTime(version.takenAt)} — ${t('backups.diff.changes', { added: version.linesAdded, removed: version.linesRemoved })}`,
  }));
  const showContent = async () => {
    if (content !== null) return setContent(null);
    try {
      setContent((await getClient().invoke('backup.version', { id: Number(to) })).content);
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={t('backups.diff.title', { device: device.name })}
    >
      {versions === null ? null : versions.length === 0 ? (
        <Text c="dimmed">{t('backups.diff.none')}</Text>
      ) : (
        <Stack>
          <Group grow>
            <Select
              label={t('backups.diff.from')}
              data={options}
              value={from}
              onChange={setFrom}
              data-testid="diff-from"
            />
            <Select
              label={t('backups.diff.to')}
              data={options}
              value={to}
              onChange={setTo}
              data-testid="diff-to"
            />
          </Group>
          <Group justify="space-between">
            {diff ? (
              <Group gap="xs">
                <Badge color="green" variant="light">
                  +{diff.added}
                </Badge>
                <Badge color="red" variant="light">
                  −{diff.removed}
                </Badge>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {versions.length === 1 ? t('backups.diff.onlyOne') : ''}
              </Text>
            )}
            <Button variant="subtle" onClick={() => void showContent()} disabled={!to}>
              {content === null ? t('backups.diff.content') : t('backups.diff.hideContent')}
            </Button>
          </Group>
          <ScrollArea h="calc(100vh - 220px)">
            {content !== null ? (
              <Code block data-testid="backup-content">
                {content}
              </Code>
            ) : (
              diff && <DiffView diff={diff} />
            )}
          </ScrollArea>
        </Stack>
      )}
    </Drawer>
  );
}
