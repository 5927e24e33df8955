import { ActionIcon, Badge, Button, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMessageKey } from '../../../shared/i18n';
import { useSharedText } from '../i18n/use-shared-text';
import type { SyntheticCheck, SyntheticCheckInput } from '../../../shared/contract/synthetic';
import { targetOf } from '../../../shared/domain/synthetic/alarms';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { notifyError, notifyOk } from '../shared/notify';
import { SyntheticChart } from './synthetic-chart';
import { SyntheticForm } from './synthetic-form';
import { translatedError } from './translate-error';

const REFRESH_MS = 15_000;

/** The synthetic checks: their last result, run now, edit, delete, and the chosen one's timings. */
export function SyntheticPage() {
  const { t, i18n } = useTranslation();
  const shared = useSharedText();
  const format = useFormat();
  const [checks, setChecks] = useState<SyntheticCheck[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<SyntheticCheck | 'new' | null>(null);

  const refresh = useCallback(
    () => void getClient().invoke('synthetic.checks.list', undefined).then(setChecks, notifyError),
    [],
  );
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const save = async (input: SyntheticCheckInput): Promise<string | null> => {
    try {
      const client = getClient();
      const saved =
        editing === 'new' || editing === null
          ? await client.invoke('synthetic.checks.create', { check: input })
          : await client.invoke('synthetic.checks.update', {
              id: editing.id,
              check: input,
            });
      notifyOk(t('synthetic.saved'));
      setEditing(null);
      setSelected(saved.id);
      refresh();
      return null;
    } catch (error) {
      return translatedError(t, i18n, error);
    }
  };

  const runNow = async (check: SyntheticCheck) => {
    try {
      const result = await getClient().invoke('synthetic.checks.runNow', { id: check.id });
      if (result.ok) notifyOk(t('synthetic.ranOk', { name: check.name, ms: format.number(result.totalMs) }));
      else
        notifyError(
          new Error(
            t('synthetic.ranFailed', { name: check.name, error: describe(result.error, result.detail) }),
          ),
        );
      refresh();
    } catch (error) {
      notifyError(error);
    }
  };

  const remove = async (check: SyntheticCheck) => {
    if (!window.confirm(t('synthetic.deleteConfirm', { name: check.name }))) return;
    try {
      await getClient().invoke('synthetic.checks.delete', { id: check.id });
      notifyOk(t('synthetic.deleted'));
      if (selected === check.id) setSelected(null);
      refresh();
    } catch (error) {
      notifyError(error);
    }
  };

  const describe = (error: string | null, detail: string | null) => {
    // The engine's own wording of the code, the one its alarm uses too.
    const key = `alarm.synthetic.reason.${error ?? ''}`;
    const reason = error ? (isMessageKey(key) ? shared(key) : error) : '';
    return detail ? `${reason} (${detail})` : reason;
  };

  const chosen = checks.find((check) => check.id === selected) ?? checks[0] ?? null;
  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={3}>{t('synthetic.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('synthetic.intro')}
          </Text>
        </div>
        <Button onClick={() => setEditing('new')} data-testid="synthetic-add">
          {t('synthetic.add')}
        </Button>
      </Group>
      {checks.length === 0 ? (
        <Text c="dimmed">{t('synthetic.empty')}</Text>
      ) : (
        <Table highlightOnHover data-testid="synthetic-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('synthetic.name')}</Table.Th>
              <Table.Th>{t('synthetic.kind')}</Table.Th>
              <Table.Th>{t('synthetic.target')}</Table.Th>
              <Table.Th>{t('synthetic.last')}</Table.Th>
              <Table.Th>{t('synthetic.totalMs')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {checks.map((check) => (
              <Table.Tr
                key={check.id}
                onClick={() => setSelected(check.id)}
                style={{ cursor: 'pointer' }}
                bg={chosen?.id === check.id ? 'var(--mantine-color-blue-light)' : undefined}
                data-testid={`synthetic-row-${check.id}`}
              >
                <Table.Td>
                  {check.name}
                  {check.uplink && (
                    <Badge
                      ml="xs"
                      size="sm"
                      variant="light"
                      color="indigo"
                      data-testid="synthetic-uplink-badge"
                    >
                      {t('synthetic.uplinkBadge')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`synthetic.kinds.${check.spec.kind}`)}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{targetOf(check.spec)}</Table.Td>
                <Table.Td>
                  <LastResult check={check} describe={describe} />
                </Table.Td>
                <Table.Td>{check.last?.ok ? `${format.number(check.last.totalMs)} ms` : '—'}</Table.Td>
                <Table.Td onClick={(event) => event.stopPropagation()}>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('synthetic.runNow')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('synthetic.runNow')}
                        onClick={() => void runNow(check)}
                      >
                        <IconPlayerPlay size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('synthetic.edit')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('synthetic.edit')}
                        onClick={() => setEditing(check)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('synthetic.delete')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('synthetic.delete')}
                        onClick={() => void remove(check)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {chosen && <SyntheticChart check={chosen} />}
      {editing && (
        <SyntheticForm
          check={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSave={save}
        />
      )}
    </Stack>
  );
}

function LastResult({
  check,
  describe,
}: {
  check: SyntheticCheck;
  describe(error: string | null, detail: string | null): string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!check.enabled) return <Badge color="gray">{t('synthetic.disabled')}</Badge>;
  if (!check.last)
    return (
      <Text size="sm" c="dimmed">
        {t('synthetic.never')}
      </Text>
    );
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Badge color={check.last.ok ? 'green' : 'red'} data-testid="synthetic-last">
          {check.last.ok ? t('synthetic.ok') : t('synthetic.failing')}
        </Badge>
        <Text size="xs" c="dimmed">
          {format.time(check.last.at)}
        </Text>
      </Group>
      {!check.last.ok && (
        <Text size="xs" c="red">
          {describe(check.last.error, check.last.detail)} ·{' '}
          {t('synthetic.failStreak', { count: check.failStreak })}
        </Text>
      )}
    </Stack>
  );
}
