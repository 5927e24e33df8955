import { Button, Menu, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/contract/accounts';
import { signOut } from '../client/auth';
import { notifyOk } from '../shared/notify';
import { ChangePasswordForm } from './change-password-form';

/**
 * Who is signed in and with which role, changing one's own password and signing out. Absent
 * where nobody signs in (a workstation on its own store, a loopback server without accounts).
 */
export function AccountMenu({ me }: { me: Me | null }) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  if (!me || me.local) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-sm" variant="subtle" data-testid="account-menu">
            {me.name}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label data-testid="account-who">
            {t('account.signedInAs', { name: me.name, role: t(`users.role.${me.role}`) })}
          </Menu.Label>
          <Menu.Item onClick={() => setChanging(true)} data-testid="account-change-password">
            {t('account.changePassword')}
          </Menu.Item>
          <Menu.Item
            color="red"
            data-testid="sign-out"
            onClick={() => void signOut().finally(() => window.location.reload())}
          >
            {t('app.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={changing} onClose={() => setChanging(false)} title={t('account.changePassword')}>
        <Text size="sm" c="dimmed" mb="sm">
          {t('account.changeHint')}
        </Text>
        <ChangePasswordForm
          onChanged={() => {
            setChanging(false);
            notifyOk(t('account.passwordChanged'));
          }}
        />
      </Modal>
    </>
  );
}
