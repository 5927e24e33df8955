import { Button, Group, Modal, NumberInput, Stack, Table, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TowerInput, type Tower } from '../../../shared/contract/entities';
import { fieldErrors } from '../i18n/validation';
import { getClient } from '../client';
import { ClientError } from '../client/client-error';
import { navigate } from '../app/router';
import { worstState } from '../live/derive';
import { useLive } from '../live/use-live';
import { useContextMenu } from '../shared/context-menu';
import { notifyError, notifyOk } from '../shared/notify';
import { readLimits, saveLimits, type Limits } from '../shared/snmp-limits';
import { StateBadge } from '../shared/state-badge';

function TowerForm({ tower, onClose }: { tower: Tower | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({
    name: tower?.name ?? '',
    code: tower?.code ?? '',
    latitude: tower?.latitude ?? -7.23,
    longitude: tower?.longitude ?? -35.88,
    address: tower?.address ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [limits, setLimits] = useState<Limits | null>(null);
  useEffect(() => {
    if (tower) void readLimits('towers', tower.id).then(setLimits, notifyError);
  }, [tower]);
  const save = async () => {
    // Checked here first, so every message names the field in the operator's language.
    const checked = TowerInput.safeParse(draft);
    if (!checked.success) return setErrors(fieldErrors(checked.error));
    setErrors({});
    try {
      if (tower) await getClient().invoke('towers.update', { id: tower.id, patch: draft });
      else await getClient().invoke('towers.create', draft);
      if (tower && limits) await saveLimits('towers', tower.id, limits);
      notifyOk(t('towers.saved'));
      onClose();
    } catch (error) {
      if (error instanceof ClientError)
        setErrors(
          Object.fromEntries(
            error.issues.map((issue) => [issue.path.replace(/^patch\./, ''), issue.message]),
          ),
        );
      notifyError(error);
    }
  };
  return (
    <Modal opened onClose={onClose} title={tower ? t('towers.edit') : t('towers.add')}>
      <Stack>
        <TextInput
          label={t('towers.name')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          error={errors.name}
        />
        <TextInput
          label={t('towers.code')}
          value={draft.code}
          onChange={(e) => setDraft({ ...draft, code: e.currentTarget.value })}
          error={errors.code}
        />
        <Group grow>
          <NumberInput
            label={t('towers.latitude')}
            decimalScale={6}
            value={draft.latitude}
            onChange={(v) => setDraft({ ...draft, latitude: Number(v) })}
            error={errors.latitude}
          />
          <NumberInput
            label={t('towers.longitude')}
            decimalScale={6}
            value={draft.longitude}
            onChange={(v) => setDraft({ ...draft, longitude: Number(v) })}
            error={errors.longitude}
          />
        </Group>
        <TextInput
          label={t('towers.address')}
          value={draft.address}
          onChange={(e) => setDraft({ ...draft, address: e.currentTarget.value })}
        />
        {limits && (
          <Group grow>
            <NumberInput
              label={t('snmp.utilizationLimit')}
              min={1}
              max={100}
              value={limits.utilizationPct}
              onChange={(v) => setLimits({ ...limits, utilizationPct: Number(v) })}
            />
            <NumberInput
              label={t('snmp.signalLimit')}
              min={-100}
              max={-30}
              value={limits.signalDbm}
              onChange={(v) => setLimits({ ...limits, signalDbm: Number(v) })}
            />
          </Group>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void save()}>{t('devices.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function TowersPage() {
  const { t } = useTranslation();
  const { store, version } = useLive();
  const openMenu = useContextMenu();
  const [editing, setEditing] = useState<Tower | null | 'new'>(null);
  // A tower's devices stay, with no tower: the engine says so in the audit log.
  const remove = async (tower: Tower) => {
    if (!window.confirm(t('towers.confirmDelete', { name: tower.name }))) return;
    try {
      await getClient().invoke('towers.delete', { id: tower.id });
      notifyOk(t('towers.deleted'));
    } catch (error) {
      notifyError(error);
    }
  };
  const rows = useMemo(() => {
    const byTower = new Map<number, number[]>();
    for (const device of store.devices.values())
      if (device.towerId) byTower.set(device.towerId, [...(byTower.get(device.towerId) ?? []), device.id]);
    return [...store.towers.values()].map((tower) => {
      const ids = byTower.get(tower.id) ?? [];
      return {
        tower,
        count: ids.length,
        worst: worstState(ids.map((id) => store.statuses.get(id)?.state ?? 'unknown')) ?? 'unknown',
      };
    });
    // version is the live store's change counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version]);
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={() => setEditing('new')}>{t('towers.add')}</Button>
      </Group>
      <Table striped highlightOnHover data-testid="towers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('towers.code')}</Table.Th>
            <Table.Th>{t('towers.name')}</Table.Th>
            <Table.Th>{t('towers.state')}</Table.Th>
            <Table.Th>{t('towers.devices')}</Table.Th>
            <Table.Th>{t('towers.address')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ tower, count, worst }) => (
            <Table.Tr
              key={tower.id}
              onContextMenu={(event) => openMenu(event, { scope: 'tower', id: tower.id, name: tower.name })}
              data-testid="tower-row"
            >
              <Table.Td>{tower.code}</Table.Td>
              <Table.Td style={{ cursor: 'pointer' }} onClick={() => navigate(`devices?tower=${tower.id}`)}>
                {tower.name}
              </Table.Td>
              <Table.Td>
                <StateBadge state={worst} />
              </Table.Td>
              <Table.Td>{count}</Table.Td>
              <Table.Td>{tower.address}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => setEditing(tower)}>
                  ✎
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => void remove(tower)}
                  aria-label={t('devices.delete')}
                >
                  ✕
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing !== null && (
        <TowerForm tower={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
