import { Badge, Button, Group, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role, type User } from '../../../shared/contract/accounts';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { useMe } from '../login/use-me';
import { notifyError, notifyOk } from '../shared/notify';
import { UserModal, type UserModalTarget } from './user-modal';

/**
 * The administrators' list of named users: create, change a role, disable or enable, reset a
 * password. The engine keeps the guard rails (the last active administrator, oneself) and says why.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const [users, setUsers] = useState<User[] | null>(null);
  const [modal, setModal] = useState<UserModalTarget | null>(null);

  const load = useCallback(() => getClient().invoke('users.list', undefined).then(setUsers, notifyError), []);
  useEffect(() => void load(), [load]);

  const update = async (user: User, change: { role?: Role; disabled?: boolean }, done: string) => {
    try {
      await getClient().invoke('users.update', { id: user.id, ...change });
      notifyOk(done);
    } catch (error) {
      notifyError(error);
    }
    await load();
  };

  const rows = (users ?? []).map((user) => {
    const self = user.name === me?.name;
    return (
      <Table.Tr key={user.id} data-testid={`user-row-${user.name}`}>
        <Table.Td>
          <Group gap="xs">
            <Text fw={500}>{user.name}</Text>
            {self && (
              <Badge size="xs" variant="outline">
                {t('users.you')}
              </Badge>
            )}
          </Group>
        </Table.Td>
        <Table.Td>
          <Select
            size="xs"
            w={150}
            aria-label={t('users.roleLabel')}
            data={roles.map((value) => ({ value, label: t(`users.role.${value}`) }))}
            value={user.role}
            allowDeselect={false}
            onChange={(value) =>
              value &&
              value !== user.role &&
              void update(
                user,
                { role: value as Role },
                t('users.roleChanged', { name: user.name, role: t(`users.role.${value}`) }),
              )
            }
            data-testid={`user-role-${user.name}`}
          />
        </Table.Td>
        <Table.Td>
          <Group gap={4}>
            <Badge color={user.disabled ? 'gray' : 'green'} variant="light">
              {user.disabled ? t('users.disabled') : t('users.active')}
            </Badge>
            {user.mustChangePassword && (
              <Tooltip label={t('users.mustChangeHint')}>
                <Badge color="yellow" variant="light">
                  {t('users.mustChange')}
                </Badge>
              </Tooltip>
            )}
          </Group>
        </Table.Td>
        <Table.Td>{format.dateTime(user.createdAt)}</Table.Td>
        <Table.Td>{format.dateTime(user.passwordChangedAt)}</Table.Td>
        <Table.Td>
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            <Button size="compact-xs" variant="default" onClick={() => setModal({ kind: 'reset', user })}>
              {t('users.reset')}
            </Button>
            <Tooltip label={t('users.selfHint')} disabled={!self}>
              <Button
                size="compact-xs"
                variant="light"
                color={user.disabled ? 'green' : 'red'}
                disabled={self}
                onClick={() =>
                  void update(
                    user,
                    { disabled: !user.disabled },
                    t(user.disabled ? 'users.enabledDone' : 'users.disabledDone', { name: user.name }),
                  )
                }
                data-testid={`user-toggle-${user.name}`}
              >
                {user.disabled ? t('users.enable') : t('users.disable')}
              </Button>
            </Tooltip>
          </Group>
        </Table.Td>
      </Table.Tr>
    );
  });

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={3}>{t('users.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('users.intro')}
          </Text>
        </div>
        <Button onClick={() => setModal({ kind: 'create' })} data-testid="user-new">
          {t('users.new')}
        </Button>
      </Group>
      {users === null ? (
        <Text>{t('app.loading')}</Text>
      ) : (
        <Table striped highlightOnHover data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('users.roleLabel')}</Table.Th>
              <Table.Th>{t('users.state')}</Table.Th>
              <Table.Th>{t('users.created')}</Table.Th>
              <Table.Th>{t('users.passwordChanged')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{rows}</Table.Tbody>
        </Table>
      )}
      {modal && (
        <UserModal
          target={modal}
          onClose={() => setModal(null)}
          onSaved={(user) => {
            setModal(null);
            notifyOk(
              t(modal.kind === 'create' ? 'users.createdDone' : 'users.resetDone', { name: user.name }),
            );
            void load();
          }}
        />
      )}
    </Stack>
  );
}
