import { Flex, Table, Tag, Tooltip, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { LockOutlined, SafetyOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { User } from '@lantu/core';
import { UserRowActions, type UserCapabilities } from './UserRowActions';
import { RoleTag } from '../../../ui/RoleTag';

interface Props {
  items: User[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  can: UserCapabilities;
  selfId: string;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (u: User) => void;
  onResetPassword: (u: User) => void;
  onGrants: (u: User) => void;
}

export function UsersTable({ items, total, page, pageSize, loading, can, selfId, onPage, ...handlers }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const columns: TableColumnsType<User> = [
    {
      title: t('fields.username'),
      dataIndex: 'username',
      width: 150,
      render: (username: string, u) => (
        <Flex vertical>
          <Typography.Text strong data-testid={`user-row-${username}`}>{username}</Typography.Text>
          {u.isDemo && <Typography.Text type="secondary">{t('users.demoAccount')}</Typography.Text>}
        </Flex>
      ),
    },
    { title: t('fields.displayName'), dataIndex: 'displayName', width: 140 },
    {
      title: t('users.grantsColumn'),
      key: 'grants',
      render: (_, u) =>
        u.grants.length === 0 ? (
          <Typography.Text type="secondary">{t('users.grants.none')}</Typography.Text>
        ) : (
          <Flex vertical gap={token.marginXXS}>
            {u.grants.map((g) => (
              <span key={g.id}>
                <RoleTag role={g.role} />
                <Typography.Text type="secondary">{g.unitName}</Typography.Text>
              </span>
            ))}
          </Flex>
        ),
    },
    {
      title: t('users.statusColumn'),
      key: 'status',
      width: 170,
      render: (_, u) => (
        <Flex gap={token.marginXXS} wrap>
          <Tag color={u.status === 'active' ? 'green' : 'default'} data-testid={`user-status-${u.username}`}>
            {t(`users.status.${u.status}`)}
          </Tag>
          {u.locked && <Tag color="red" icon={<LockOutlined />}>{t('users.locked')}</Tag>}
          <Tooltip title={u.totpEnabled ? t('users.totpOnHint') : t('users.totpOffHint')}>
            <Tag color={u.totpEnabled ? 'blue' : 'default'} icon={<SafetyOutlined />}>
              {u.totpEnabled ? t('users.totpOn') : t('users.totpOff')}
            </Tag>
          </Tooltip>
        </Flex>
      ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 160,
      render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      render: (_, u) => <UserRowActions user={u} selfId={selfId} can={can} {...handlers} />,
    },
  ];
  return (
    <Table<User>
      data-testid="users-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 1100 }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (n) => t('common.total', { count: n }),
        onChange: onPage,
      }}
    />
  );
}
