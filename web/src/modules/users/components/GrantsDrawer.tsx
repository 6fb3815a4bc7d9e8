import { useState } from 'react';
import { Alert, App, Button, Drawer, Flex, Popconfirm, Select, Typography, theme } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ROLES, isPrivilegedRole, type Role, type User } from '@lantu/core';
import { useAddGrant, useRemoveGrant, useUser } from '../hooks';
import { UnitTreeSelect } from '../../units/components/UnitTreeSelect';
import { isApiError } from '../../../api/client';
import { useApiError } from '../../../api/useApiError';
import { RoleTag } from '../../../ui/RoleTag';
import { testId } from '../../../ui/testId';
import { ItemList } from '../../../ui/ItemList';

/** secadmin: which role the user holds in which unit; add and remove grants. */
export function GrantsDrawer({ user: initial, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const live = useUser(initial?.id ?? null);
  const user = live.data ?? initial;
  const add = useAddGrant();
  const remove = useRemoveGrant();
  const showError = useApiError();
  const [unitId, setUnitId] = useState<string>();
  const [role, setRole] = useState<Role>();

  const onError = (err: unknown) => {
    const withReason = isApiError(err) && (err.details as { reason?: unknown } | undefined)?.reason;
    if (isApiError(err) && err.code === 'conflict' && !withReason) void message.error(t('users.grants.conflict'));
    else showError(err);
  };
  const onAdd = () => {
    if (!user || !unitId || !role) return;
    add.mutate(
      { id: user.id, unitId, role },
      {
        onSuccess: () => {
          void message.success(t('users.grants.added'));
          setRole(undefined);
        },
        onError,
      },
    );
  };

  const holdsPrivileged = user?.grants.some((g) => isPrivilegedRole(g.role)) ?? false;
  return (
    <Drawer
      open={initial !== null}
      onClose={onClose}
      size={520}
      destroyOnHidden
      title={t('users.grants.title', { name: user?.displayName ?? '' })}
      data-testid="grants-drawer"
      afterOpenChange={(open) => {
        if (!open) {
          setUnitId(undefined);
          setRole(undefined);
        }
      }}
    >
      <Flex vertical gap={token.marginMD}>
        <Alert type="info" showIcon title={t('users.grants.separationHint')} />
        <ItemList
          bordered
          testId="grants-list"
          items={user?.grants ?? []}
          rowKey={(g) => g.id}
          empty={t('users.grants.none')}
          render={(g) => (
            <Flex gap={token.marginXS} align="center" wrap>
              <RoleTag role={g.role} />
              <Typography.Text>{g.unitName}</Typography.Text>
            </Flex>
          )}
          extra={(g) => (
            <Popconfirm
              title={t('users.grants.removeConfirm', { role: t(`roles.${g.role}`), unit: g.unitName })}
              okText={t('common.remove')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, ...testId('grant-remove-confirm') }}
              onConfirm={() => user && remove.mutate({ id: user.id, grantId: g.id }, { onError })}
            >
              <Button type="link" danger size="small" icon={<DeleteOutlined />} data-testid={`grant-remove-${g.role}`} data-grant-id={g.id}>
                {t('common.remove')}
              </Button>
            </Popconfirm>
          )}
        />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('users.grants.add')}
        </Typography.Title>
        {holdsPrivileged && <Typography.Text type="secondary">{t('users.grants.privilegedHolder')}</Typography.Text>}
        <UnitTreeSelect value={unitId} onChange={setUnitId} placeholder={t('users.grants.pickUnit')} data-testid="grant-unit" />
        <Select<Role>
          value={role}
          onChange={setRole}
          placeholder={t('users.grants.pickRole')}
          data-testid="grant-role"
          options={ROLES.map((r) => ({
            value: r,
            label: `${t(`roles.${r}`)}${isPrivilegedRole(r) ? ` · ${t('users.grants.privileged')}` : ''}`,
          }))}
        />
        <Button type="primary" icon={<PlusOutlined />} disabled={!unitId || !role} loading={add.isPending} onClick={onAdd} data-testid="grant-add">
          {t('users.grants.addButton')}
        </Button>
      </Flex>
    </Drawer>
  );
}
