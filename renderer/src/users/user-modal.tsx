import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApiMethods, roles, type Role, type User } from '../../../shared/contract/accounts';
import { getClient } from '../client';
import { errorIssues, errorMessage } from '../client/client-error';
import { fieldErrors } from '../i18n/validation';
import { generateTemporaryPassword } from './temporary-password';

/** New user (name, role, temporary password) or, for `user`, a new temporary password. */
export type UserModalTarget = { kind: 'create' } | { kind: 'reset'; user: User };

const createInput = accountsApiMethods['users.create'].input;
const resetInput = accountsApiMethods['users.resetPassword'].input;

/**
 * The administrator types a temporary password or draws one, and hands it over; the user must
 * choose their own at the next sign-in (the engine sets it so and ends their sessions on a reset).
 */
export function UserModal({
  target,
  onClose,
  onSaved,
}: {
  target: UserModalTarget;
  onClose: () => void;
  onSaved: (user: User) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [password, setPassword] = useState(generateTemporaryPassword);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed =
      target.kind === 'create'
        ? createInput.safeParse({ name, role, password })
        : resetInput.safeParse({ id: target.user.id, password });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    setBusy(true);
    try {
      const saved =
        target.kind === 'create'
          ? await getClient().invoke('users.create', { name, role, password })
          : await getClient().invoke('users.resetPassword', { id: target.user.id, password });
      onSaved(saved);
    } catch (failure) {
      const issues = errorIssues(failure);
      setErrors(
        issues.length > 0
          ? Object.fromEntries(issues.map((issue) => [issue.path, issue.message]))
          : { form: errorMessage(failure) },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        target.kind === 'create' ? t('users.createTitle') : t('users.resetTitle', { name: target.user.name })
      }
    >
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        {target.kind === 'create' && (
          <>
            <TextInput
              label={t('users.name')}
              description={t('users.nameHint')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              required
              data-autofocus
              data-testid="user-name"
            />
            <Select
              label={t('users.roleLabel')}
              data={roles.map((value) => ({ value, label: t(`users.role.${value}`) }))}
              value={role}
              onChange={(value) => value && setRole(value as Role)}
              allowDeselect={false}
              description={t(`users.roleHint.${role}`)}
              data-testid="user-role"
            />
          </>
        )}
        <Group align="end" gap="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('users.temporaryPassword')}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.password}
            autoComplete="off"
            spellCheck={false}
            required
            data-testid="user-password"
          />
          <Button variant="default" onClick={() => setPassword(generateTemporaryPassword())}>
            {t('users.generate')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('users.temporaryHint')}
        </Text>
        {errors.form && (
          <Text c="red" size="sm" data-testid="user-error">
            {errors.form}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('users.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="user-save">
            {target.kind === 'create' ? t('users.create') : t('users.reset')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
