import {
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_POLLER_GROUP, type PollerGroup } from '../../../shared/contract/cluster';
import { getClient } from '../client';
import { useLiveStore, useLiveValue } from '../live/use-live';
import { notifyError, notifyOk } from '../shared/notify';
import { groupName } from './poller-group-name';

/**
 * Poller groups (a site, a region): each has one leader among the workstations on a shared
 * PostgreSQL, optionally pinned to the instances that reach its devices; devices move in bulk.
 */
export function PollerGroupsCard() {
  const { t } = useTranslation();
  const [groups, setGroups] = useState<PollerGroup[]>([]);
  const [name, setName] = useState('');
  const load = useCallback(
    () => void getClient().invoke('cluster.groups.list', undefined).then(setGroups, notifyError),
    [],
  );
  useEffect(load, [load]);

  const save = async (input: { id: number | null; name: string; pinned: string[] }) => {
    try {
      await getClient().invoke('cluster.groups.save', input);
      notifyOk(t('cluster.saved'));
      load();
      return true;
    } catch (failure) {
      notifyError(failure);
      return false;
    }
  };
  const remove = async (id: number) => {
    try {
      await getClient().invoke('cluster.groups.delete', { id });
      load();
    } catch (failure) {
      notifyError(failure);
    }
  };

  return (
    <Card withBorder data-testid="poller-groups">
      <Stack>
        <Title order={4}>{t('cluster.groupsTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('cluster.groupsHelp')}
        </Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cluster.group')}</Table.Th>
              <Table.Th>{t('cluster.devices')}</Table.Th>
              <Table.Th>{t('cluster.pinned')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((group) => (
              <GroupRow key={group.id} group={group} onSave={save} onDelete={remove} />
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end">
          <TextInput
            label={t('cluster.newGroup')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            data-testid="poller-group-name"
          />
          <Button
            variant="default"
            disabled={name.trim() === ''}
            onClick={() => void save({ id: null, name, pinned: [] }).then((ok) => ok && setName(''))}
          >
            {t('cluster.add')}
          </Button>
        </Group>
        <AssignDevices groups={groups} onMoved={load} />
      </Stack>
    </Card>
  );
}

function GroupRow({
  group,
  onSave,
  onDelete,
}: {
  group: PollerGroup;
  onSave(input: { id: number; name: string; pinned: string[] }): Promise<boolean>;
  onDelete(id: number): Promise<void>;
}) {
  const { t } = useTranslation();
  const [pinned, setPinned] = useState(group.pinned);
  useEffect(() => setPinned(group.pinned), [group.pinned]);
  const changed = pinned.join(',') !== group.pinned.join(',');
  return (
    <Table.Tr data-testid={`poller-group-${group.id}`}>
      <Table.Td>{groupName(group, t)}</Table.Td>
      <Table.Td>{group.devices}</Table.Td>
      <Table.Td>
        <TagsInput
          size="xs"
          value={pinned}
          onChange={setPinned}
          placeholder={pinned.length === 0 ? t('cluster.anyInstance') : undefined}
          aria-label={t('cluster.pinned')}
        />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            disabled={!changed}
            // The default group's name is not stored (it reads in each page's language).
            onClick={() => void onSave({ id: group.id, name: groupName(group, t), pinned })}
          >
            {t('settings.save')}
          </Button>
          {group.id !== DEFAULT_POLLER_GROUP && (
            <Button size="xs" variant="subtle" color="red" onClick={() => void onDelete(group.id)}>
              {t('cluster.delete')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Moves the chosen devices (searched by name or address, many at once) into one group. */
function AssignDevices({ groups, onMoved }: { groups: PollerGroup[]; onMoved(): void }) {
  const { t } = useTranslation();
  const store = useLiveStore();
  const inventoryVersion = useLiveValue((live) => live.inventoryVersion);
  const [deviceIds, setDeviceIds] = useState<string[]>([]);
  const [target, setTarget] = useState<string | null>(null);
  const options = useMemo(
    () =>
      [...store.devices.values()].map((device) => ({
        value: String(device.id),
        label: `${device.name} (${device.host})`,
      })),
    // inventoryVersion is the live store's inventory counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, inventoryVersion],
  );
  const move = async () => {
    try {
      const { moved } = await getClient().invoke('cluster.groups.assign', {
        groupId: Number(target),
        deviceIds: deviceIds.map(Number),
      });
      notifyOk(t('cluster.moved', { count: moved }));
      setDeviceIds([]);
      onMoved();
    } catch (failure) {
      notifyError(failure);
    }
  };
  return (
    <Group align="flex-end">
      <MultiSelect
        label={t('cluster.assign')}
        data={options}
        value={deviceIds}
        onChange={setDeviceIds}
        searchable
        limit={50}
        w={420}
        data-testid="poller-assign-devices"
      />
      <Select
        label={t('cluster.toGroup')}
        data={groups.map((group) => ({ value: String(group.id), label: groupName(group, t) }))}
        value={target}
        onChange={setTarget}
        data-testid="poller-assign-group"
      />
      <Button
        variant="default"
        disabled={deviceIds.length === 0 || target === null}
        onClick={() => void move()}
      >
        {t('cluster.move')}
      </Button>
    </Group>
  );
}
