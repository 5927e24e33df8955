import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  backupProfileIds,
  type BackupProfileId,
  type BackupTargetInput,
  type BackupTargetSummary,
} from '../../../shared/contract/backup';
import { getClient } from '../client';
import { useLive } from '../live/use-live';
import { notifyError, notifyOk } from '../shared/notify';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * A device's backup settings. Secrets are never shown: an empty field keeps the stored one (the
 * engine refuses that when the device's address or the user changed).
 */
export function TargetForm({
  deviceId,
  onClose,
}: {
  deviceId: number | null;
  onClose(saved: boolean): void;
}) {
  const { t } = useTranslation();
  const { store } = useLive();
  const [device, setDevice] = useState<string | null>(deviceId ? String(deviceId) : null);
  const [existing, setExisting] = useState<BackupTargetSummary | null>(null);
  const [enabled, setEnabled] = useState(true);
  const [profile, setProfile] = useState<BackupProfileId>('mikrotik-routeros7');
  const [port, setPort] = useState<number>(22);
  const [username, setUsername] = useState('');
  const [authKind, setAuthKind] = useState<'password' | 'key'>('password');
  const [secret, setSecret] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [enableSecret, setEnableSecret] = useState('');
  const [removeEnable, setRemoveEnable] = useState(false);
  const [legacyCrypto, setLegacyCrypto] = useState(false);
  const [maskSecrets, setMaskSecrets] = useState(false);
  const [schedule, setSchedule] = useState('');
  const [jumpOn, setJumpOn] = useState(false);
  const [jump, setJump] = useState({ host: '', port: 22, username: '', password: '' });
  const [generic, setGeneric] = useState({
    prompt: '',
    commands: '',
    pagingOff: '',
    pager: '',
    configEnd: '',
    volatile: '',
    enableCommand: '',
    enablePasswordPrompt: '',
    enablePrivilegedPrompt: '',
  });
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!device) return;
    void getClient()
      .invoke('backup.target.get', { deviceId: Number(device) })
      .then((found) => {
        setExisting(found);
        if (!found) return;
        setEnabled(found.enabled);
        setProfile(found.profile);
        setPort(found.port);
        setUsername(found.username);
        setAuthKind(found.authKind);
        setLegacyCrypto(found.legacyCrypto);
        setMaskSecrets(found.maskSecrets);
        setSchedule(found.schedule ?? '');
        setJumpOn(found.jump !== null);
        if (found.jump)
          setJump({
            host: found.jump.host,
            port: found.jump.port,
            username: found.jump.username,
            password: '',
          });
        if (found.generic) {
          setGeneric({
            prompt: found.generic.prompt,
            commands: found.generic.commands.join('\n'),
            pagingOff: found.generic.pagingOff.join('\n'),
            pager: found.generic.pager ?? '',
            configEnd: found.generic.configEnd ?? '',
            volatile: found.generic.volatile.join('\n'),
            enableCommand: found.generic.enable?.command ?? '',
            enablePasswordPrompt: found.generic.enable?.passwordPrompt ?? '',
            enablePrivilegedPrompt: found.generic.enable?.privilegedPrompt ?? '',
          });
        }
      }, notifyError);
  }, [device]);

  const save = async () => {
    if (!device) return;
    const target: BackupTargetInput = {
      deviceId: Number(device),
      enabled,
      profile,
      port,
      username,
      legacyCrypto,
      maskSecrets,
      schedule: schedule.trim() || null,
      generic:
        profile === 'generic'
          ? {
              prompt: generic.prompt,
              commands: lines(generic.commands),
              pagingOff: lines(generic.pagingOff),
              pager: generic.pager.trim() || null,
              configEnd: generic.configEnd.trim() || null,
              volatile: lines(generic.volatile),
              enable: generic.enableCommand.trim()
                ? {
                    command: generic.enableCommand,
                    passwordPrompt: generic.enablePasswordPrompt,
                    privilegedPrompt: generic.enablePrivilegedPrompt,
                  }
                : null,
            }
          : null,
      jump: jumpOn
        ? {
            host: jump.host,
            port: jump.port,
            username: jump.username,
            ...(jump.password ? { auth: { kind: 'password' as const, password: jump.password } } : {}),
          }
        : null,
      ...(secret
        ? {
            auth:
              authKind === 'password'
                ? { kind: 'password' as const, password: secret }
                : { kind: 'key' as const, privateKey: secret, passphrase },
          }
        : {}),
      ...(removeEnable ? { enableSecret: null } : enableSecret ? { enableSecret } : {}),
    };
    setSaving(true);
    try {
      await getClient().invoke('backup.target.set', { target });
      notifyOk(t('backups.form.saved'));
      onClose(true);
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!device) return;
    try {
      await getClient().invoke('backup.target.delete', { deviceId: Number(device) });
      notifyOk(t('backups.form.deleted'));
      onClose(true);
    } catch (error) {
      notifyError(error);
    }
  };

  const name = device ? (store.devices.get(Number(device))?.name ?? '') : '';
  const keep = existing ? t('backups.form.keepSecret') : undefined;
  return (
    <Modal opened onClose={() => onClose(false)} title={t('backups.form.title', { device: name })} size="lg">
      <Stack>
        {deviceId === null && (
          <Select
            label={t('backups.form.device')}
            searchable
            data={[...store.devices.values()].map((candidate) => ({
              value: String(candidate.id),
              label: `${candidate.name} (${candidate.host})`,
            }))}
            value={device}
            onChange={setDevice}
            data-testid="backup-form-device"
          />
        )}
        <Switch
          label={t('backups.form.enabled')}
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
        <Group grow>
          <Select
            label={t('backups.form.profile')}
            data={backupProfileIds.map((id) => ({ value: id, label: t(`backups.profile.${id}`) }))}
            value={profile}
            onChange={(value) => value && setProfile(value as BackupProfileId)}
            allowDeselect={false}
            data-testid="backup-form-profile"
          />
          <NumberInput
            label={t('backups.form.port')}
            min={1}
            max={65_535}
            value={port}
            onChange={(value) => setPort(Number(value) || 22)}
          />
        </Group>
        {profile === 'generic' && (
          <Stack gap="xs">
            <TextInput
              label={t('backups.form.genericPrompt')}
              value={generic.prompt}
              onChange={(e) => setGeneric({ ...generic, prompt: e.currentTarget.value })}
            />
            <Textarea
              label={t('backups.form.genericCommands')}
              autosize
              minRows={2}
              value={generic.commands}
              onChange={(e) => setGeneric({ ...generic, commands: e.currentTarget.value })}
            />
            <Textarea
              label={t('backups.form.genericPagingOff')}
              autosize
              minRows={1}
              value={generic.pagingOff}
              onChange={(e) => setGeneric({ ...generic, pagingOff: e.currentTarget.value })}
            />
            <Group grow>
              <TextInput
                label={t('backups.form.genericPager')}
                value={generic.pager}
                onChange={(e) => setGeneric({ ...generic, pager: e.currentTarget.value })}
              />
              <TextInput
                label={t('backups.form.genericEnd')}
                value={generic.configEnd}
                onChange={(e) => setGeneric({ ...generic, configEnd: e.currentTarget.value })}
              />
            </Group>
            <Textarea
              label={t('backups.form.genericVolatile')}
              autosize
              minRows={1}
              value={generic.volatile}
              onChange={(e) => setGeneric({ ...generic, volatile: e.currentTarget.value })}
            />
            <Group grow>
              <TextInput
                label={t('backups.form.genericEnable')}
                description={t('backups.form.genericEnableHint')}
                value={generic.enableCommand}
                onChange={(e) => setGeneric({ ...generic, enableCommand: e.currentTarget.value })}
              />
              <TextInput
                label={t('backups.form.genericEnablePassword')}
                disabled={!generic.enableCommand.trim()}
                value={generic.enablePasswordPrompt}
                onChange={(e) => setGeneric({ ...generic, enablePasswordPrompt: e.currentTarget.value })}
              />
              <TextInput
                label={t('backups.form.genericEnablePrivileged')}
                disabled={!generic.enableCommand.trim()}
                value={generic.enablePrivilegedPrompt}
                onChange={(e) => setGeneric({ ...generic, enablePrivilegedPrompt: e.currentTarget.value })}
              />
            </Group>
          </Stack>
        )}
        <TextInput
          label={t('backups.form.username')}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          data-testid="backup-form-user"
        />
        <SegmentedControl
          value={authKind}
          onChange={(value) => setAuthKind(value as 'password' | 'key')}
          data={[
            { value: 'password', label: t('backups.form.password') },
            { value: 'key', label: t('backups.form.key') },
          ]}
        />
        {authKind === 'password' ? (
          <PasswordInput
            label={t('backups.form.password')}
            placeholder={keep}
            value={secret}
            onChange={(e) => setSecret(e.currentTarget.value)}
            data-testid="backup-form-secret"
          />
        ) : (
          <>
            <Textarea
              label={t('backups.form.key')}
              placeholder={keep}
              autosize
              minRows={3}
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              styles={{ input: { fontFamily: 'monospace' } }}
            />
            <PasswordInput
              label={t('backups.form.passphrase')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
            />
          </>
        )}
        <Group grow align="end">
          <PasswordInput
            label={t('backups.form.enableSecret')}
            placeholder={existing?.enableSecretSet ? keep : undefined}
            value={enableSecret}
            disabled={removeEnable}
            onChange={(e) => setEnableSecret(e.currentTarget.value)}
          />
          {existing?.enableSecretSet && (
            <Checkbox
              label={t('backups.form.removeEnable')}
              checked={removeEnable}
              onChange={(e) => setRemoveEnable(e.currentTarget.checked)}
            />
          )}
        </Group>
        <Switch
          label={t('backups.form.legacyCrypto')}
          description={t('backups.form.legacyHint')}
          checked={legacyCrypto}
          onChange={(e) => setLegacyCrypto(e.currentTarget.checked)}
        />
        <Switch
          label={t('backups.form.maskSecrets')}
          checked={maskSecrets}
          onChange={(e) => setMaskSecrets(e.currentTarget.checked)}
        />
        <TextInput
          label={t('backups.form.schedule')}
          description={t('backups.form.scheduleHint')}
          value={schedule}
          onChange={(e) => setSchedule(e.currentTarget.value)}
        />
        <Switch
          label={t('backups.form.jump')}
          checked={jumpOn}
          onChange={(e) => setJumpOn(e.currentTarget.checked)}
        />
        {jumpOn && (
          <Group grow>
            <TextInput
              label={t('backups.form.jumpHost')}
              value={jump.host}
              onChange={(e) => setJump({ ...jump, host: e.currentTarget.value })}
            />
            <NumberInput
              label={t('backups.form.jumpPort')}
              value={jump.port}
              min={1}
              max={65_535}
              onChange={(value) => setJump({ ...jump, port: Number(value) || 22 })}
            />
            <TextInput
              label={t('backups.form.jumpUser')}
              value={jump.username}
              onChange={(e) => setJump({ ...jump, username: e.currentTarget.value })}
            />
            <PasswordInput
              label={t('backups.form.jumpPassword')}
              placeholder={existing?.jump?.secretSet ? keep : undefined}
              value={jump.password}
              onChange={(e) => setJump({ ...jump, password: e.currentTarget.value })}
            />
          </Group>
        )}
        <Group justify="space-between">
          {existing ? (
            <Button color="red" variant="subtle" onClick={() => void remove()}>
              {t('backups.form.delete')}
            </Button>
          ) : (
            <span />
          )}
          <Button
            onClick={() => void save()}
            loading={saving}
            disabled={!device || !username}
            data-testid="backup-form-save"
          >
            {t('backups.form.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
