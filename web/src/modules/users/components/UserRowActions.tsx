import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '@lantu/core';
import { useUserAction } from '../hooks';
import type { UserAction } from '../api';
import { useApiError } from '../../../api/useApiError';
import { testId } from '../../../ui/testId';

export interface UserCapabilities {
  /** sysadmin: accounts (create, edit, disable/enable, unlock, reset password). */
  manage: boolean;
  /** secadmin: roles (grants) and the second factor. */
  grant: boolean;
}

interface Props {
  user: User;
  /** The signed-in admin's own id: nobody disables or resets themselves from this list. */
  selfId: string;
  can: UserCapabilities;
  onEdit: (u: User) => void;
  onResetPassword: (u: User) => void;
  onGrants: (u: User) => void;
}

/** The actions the current admin may take on one account; the rest are not shown. */
export function UserRowActions({ user, selfId, can, onEdit, onResetPassword, onGrants }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useUserAction();
  const showError = useApiError();
  const id = user.username;
  const self = user.id === selfId;

  const run = (a: UserAction) =>
    action.mutate(
      { user, action: a },
      { onSuccess: () => void message.success(t(`users.actionDone.${a}`, { name: user.displayName })), onError: (err) => showError(err) },
    );
  const confirmed = (a: UserAction, danger: boolean) => (
    <Popconfirm
      key={a}
      title={t(`users.actionConfirm.${a}`, { name: user.displayName })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, ...testId(`user-${a}-confirm`) }}
      onConfirm={() => run(a)}
    >
      <Button type="link" size="small" danger={danger} data-testid={`user-${a}-${id}`}>
        {t(`users.actions.${a}`)}
      </Button>
    </Popconfirm>
  );

  return (
    <Space size={0} wrap>
      {can.manage && (
        <Button type="link" size="small" onClick={() => onEdit(user)} data-testid={`user-edit-${id}`}>
          {t('common.edit')}
        </Button>
      )}
      {can.manage && !self && (user.status === 'active' ? confirmed('disable', true) : confirmed('enable', false))}
      {can.manage && user.locked && confirmed('unlock', false)}
      {can.manage && !self && (
        <Button type="link" size="small" onClick={() => onResetPassword(user)} data-testid={`user-reset-password-${id}`}>
          {t('users.resetPassword')}
        </Button>
      )}
      {can.grant && (
        <Button type="link" size="small" onClick={() => onGrants(user)} data-testid={`user-grants-${id}`}>
          {t('users.grants.open')}
        </Button>
      )}
      {can.grant && !self && user.totpEnabled && confirmed('reset-totp', true)}
    </Space>
  );
}
