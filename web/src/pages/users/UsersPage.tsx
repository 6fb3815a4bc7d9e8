import { useState } from 'react';
import { Alert, Button, Card, Flex, theme } from 'antd';
import { DownloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { User } from '@lantu/core';
import { useCurrentUser } from '../../modules/auth/hooks';
import { useUsers } from '../../modules/users/hooks';
import { usersExportUrl, type UserFilters } from '../../modules/users/api';
import { UserFilterBar } from '../../modules/users/components/UserFilterBar';
import { UsersTable } from '../../modules/users/components/UsersTable';
import { UserFormDrawer, type UserFormTarget } from '../../modules/users/components/UserFormDrawer';
import { ResetPasswordModal } from '../../modules/users/components/ResetPasswordModal';
import { GrantsDrawer } from '../../modules/users/components/GrantsDrawer';
import { errorText } from '../../api/useApiError';
import { PageContainer } from '../../ui/PageContainer';

/** Accounts: sysadmin manages accounts, secadmin manages their roles and second factor. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const me = useCurrentUser();
  const can = { manage: me.roles.includes('sysadmin'), grant: me.roles.includes('secadmin') };
  const [filters, setFilters] = useState<UserFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const users = useUsers({ ...filters, ...paging });
  const [form, setForm] = useState<UserFormTarget | null>(null);
  const [resetFor, setResetFor] = useState<User | null>(null);
  const [grantsFor, setGrantsFor] = useState<User | null>(null);

  return (
    <PageContainer
      testId="page-users"
      title={t('users.title')}
      subtitle={can.manage ? t('users.subtitleSysadmin') : t('users.subtitleSecadmin')}
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={usersExportUrl(filters)} data-testid="users-export">
            {t('common.exportXlsx')}
          </Button>
          {can.manage && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setForm({ mode: 'create' })} data-testid="user-create">
              {t('users.create')}
            </Button>
          )}
        </>
      }
    >
      <Card>
        <Flex vertical gap={token.marginMD}>
          <UserFilterBar
            value={filters}
            onChange={(next) => {
              setFilters(next);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          />
          {users.error && <Alert type="error" showIcon title={errorText(t, users.error)} />}
          <UsersTable
            items={users.data?.items ?? []}
            total={users.data?.total ?? 0}
            page={paging.page}
            pageSize={paging.pageSize}
            loading={users.isFetching}
            can={can}
            selfId={me.user.id}
            onPage={(page, pageSize) => setPaging({ page, pageSize })}
            onEdit={(user) => setForm({ mode: 'edit', user })}
            onResetPassword={setResetFor}
            onGrants={setGrantsFor}
          />
        </Flex>
      </Card>
      <UserFormDrawer target={form} onClose={() => setForm(null)} />
      <ResetPasswordModal user={resetFor} onClose={() => setResetFor(null)} />
      <GrantsDrawer user={grantsFor} onClose={() => setGrantsFor(null)} />
    </PageContainer>
  );
}
