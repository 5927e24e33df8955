import { Button, Group, Modal, Select, Stack, Switch, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceInput, type Device } from '../../../shared/contract/entities';
import { fieldErrors } from '../i18n/validation';
import { deviceKinds } from '../../../shared/contract/vocabulary';
import { getClient } from '../client';
import { ClientError } from '../client/client-error';
import { useLive } from '../live/use-live';
import { notifyError, notifyOk } from '../shared/notify';

type Draft = Required<Pick<DeviceInput, 'name' | 'host' | 'vendor' | 'model' | 'notes'>> & {
  kind: Device['kind'];
  towerId: string | null;
  parentId: string | null;
  tags: string[];
  enabled: boolean;
};

const toDraft = (device: Device | null): Draft => ({
  name: device?.name ?? '',
  host: device?.host ?? '',
  kind: device?.kind ?? 'sector_ap',
  vendor: device?.vendor ?? '',
  model: device?.model ?? '',
  notes: device?.notes ?? '',
  towerId: device?.towerId ? String(device.towerId) : null,
  parentId: device?.parentId ? String(device.parentId) : null,
  tags: device?.tags ?? [],
  enabled: device?.enabled ?? true,
});

/** Create or edit a device; the engine's validation messages land on the fields they concern. */
export function DeviceForm({ device, onClose }: { device: Device | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { store } = useLive();
  const [draft, setDraft] = useState<Draft>(() => toDraft(device));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const towers = [...store.towers.values()].map((tower) => ({
    value: String(tower.id),
    label: `${tower.code} — ${tower.name}`,
  }));
  const parents = [...store.devices.values()]
    .filter((other) => other.id !== device?.id)
    .map((other) => ({ value: String(other.id), label: `${other.name} (${other.host})` }));

  const save = async () => {
    setSaving(true);
    setErrors({});
    const input = {
      ...draft,
      towerId: draft.towerId ? Number(draft.towerId) : null,
      parentId: draft.parentId ? Number(draft.parentId) : null,
    };
    // Checked here first, so every message names the field in the operator's language.
    const checked = DeviceInput.safeParse(input);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error));
      setSaving(false);
      return;
    }
    try {
      if (device) await getClient().invoke('devices.update', { id: device.id, patch: input });
      else await getClient().invoke('devices.create', input);
      notifyOk(t('devices.saved'));
      onClose();
    } catch (error) {
      if (error instanceof ClientError && error.issues.length > 0) {
        setErrors(
          Object.fromEntries(
            error.issues.map((issue) => [issue.path.replace(/^patch\./, ''), issue.message]),
          ),
        );
      }
      if (error instanceof ClientError && error.code === 'conflict') setErrors({ host: error.message });
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={device ? t('devices.edit') : t('devices.add')} size="lg">
      <Stack>
        <TextInput
          label={t('devices.name')}
          required
          value={draft.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          data-testid="device-name"
        />
        <TextInput
          label={t('devices.host')}
          required
          value={draft.host}
          onChange={(e) => set('host', e.currentTarget.value)}
          error={errors.host}
          data-testid="device-host"
        />
        <Group grow>
          <Select
            label={t('devices.kind')}
            data={deviceKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
            value={draft.kind}
            onChange={(value) => value && set('kind', value as Device['kind'])}
            allowDeselect={false}
          />
          <TextInput
            label={t('devices.vendor')}
            value={draft.vendor}
            onChange={(e) => set('vendor', e.currentTarget.value)}
          />
          <TextInput
            label={t('devices.model')}
            value={draft.model}
            onChange={(e) => set('model', e.currentTarget.value)}
          />
        </Group>
        <Group grow>
          <Select
            label={t('devices.tower')}
            data={towers}
            value={draft.towerId}
            onChange={(value) => set('towerId', value)}
            searchable
            clearable
            error={errors.towerId}
          />
          <Select
            label={t('devices.parent')}
            data={parents}
            value={draft.parentId}
            onChange={(value) => set('parentId', value)}
            searchable
            clearable
            limit={50}
            error={errors.parentId}
          />
        </Group>
        <TagsInput label={t('devices.tags')} value={draft.tags} onChange={(value) => set('tags', value)} />
        <Textarea
          label={t('devices.notes')}
          value={draft.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
        />
        <Switch
          label={t('devices.enabled')}
          checked={draft.enabled}
          onChange={(e) => set('enabled', e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('devices.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={saving} data-testid="device-save">
            {t('devices.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
