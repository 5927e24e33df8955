import { Button, Group, Modal, PasswordInput, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_POLLER_GROUP } from '../../../shared/contract/cluster';
import type { OpticalEndpoint, OpticalEndpointInput } from '../../../shared/contract/optical';
import { PollerGroupSelect } from '../settings/poller-group-select';

export function EndpointForm({
  endpoint,
  errors,
  onSave,
  onClose,
}: {
  endpoint: OpticalEndpoint | null;
  errors: Record<string, string>;
  onSave: (draft: OpticalEndpointInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<OpticalEndpointInput>({
    id: endpoint?.id ?? null,
    name: endpoint?.name ?? '',
    baseUrl: endpoint?.baseUrl ?? 'http://',
    pathPrefix: endpoint?.pathPrefix ?? '/nms-api',
    username: endpoint?.username ?? '',
    clientId: endpoint?.clientId ?? 'vigia',
    timeZone: endpoint?.timeZone ?? 'America/Sao_Paulo',
    enabled: endpoint?.enabled ?? true,
    groupId: endpoint?.groupId ?? DEFAULT_POLLER_GROUP,
    password: null,
  });
  const text = (field: 'name' | 'baseUrl' | 'pathPrefix' | 'username' | 'clientId' | 'timeZone') => ({
    label: t(`optical.endpoint.${field}`),
    value: draft[field] ?? '',
    error: errors[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      setDraft({ ...draft, [field]: event.currentTarget.value }),
    'data-testid': `endpoint-${field}`,
  });
  return (
    <Modal opened onClose={onClose} title={endpoint ? t('optical.endpoint.edit') : t('optical.endpoint.add')}>
      <Stack>
        <TextInput {...text('name')} />
        <TextInput {...text('baseUrl')} />
        <Group grow>
          <TextInput {...text('pathPrefix')} />
          <TextInput {...text('clientId')} />
        </Group>
        <TextInput {...text('username')} />
        <PasswordInput
          label={t('optical.endpoint.password')}
          placeholder={endpoint?.passwordSet ? t('optical.endpoint.passwordKept') : ''}
          value={draft.password ?? ''}
          error={errors.password}
          onChange={(event) => setDraft({ ...draft, password: event.currentTarget.value || null })}
          data-testid="endpoint-password"
        />
        <TextInput {...text('timeZone')} />
        <Switch
          label={t('optical.endpoint.enabled')}
          checked={draft.enabled ?? true}
          onChange={(event) => setDraft({ ...draft, enabled: event.currentTarget.checked })}
        />
        <PollerGroupSelect
          value={draft.groupId ?? DEFAULT_POLLER_GROUP}
          onChange={(groupId) => setDraft({ ...draft, groupId })}
          testId="endpoint-group"
        />
        <Group justify="flex-end">
          <Button onClick={() => onSave(draft)} data-testid="endpoint-save">
            {t('optical.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
