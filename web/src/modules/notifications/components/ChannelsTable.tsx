import { App, Button, Popconfirm, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Channel } from '@lantu/core';
import { useDeleteChannel, useTestChannel, useUpdateChannel } from '../hooks';
import { maskUrl } from '../mask';
import { useReportingError } from '../../reporting/errors';
import { testId } from '../../../ui/testId';

/** The zone's outbound channels: kind, name, masked URL or recipients, events, on/off; edit, test, delete. */
export function ChannelsTable({ channels, loading, onEdit }: { channels: Channel[]; loading: boolean; onEdit: (c: Channel) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateChannel();
  const test = useTestChannel();
  const remove = useDeleteChannel();
  const showError = useReportingError();
  const onTest = (c: Channel) =>
    test.mutate(c.id, {
      onSuccess: (d) => void message[d.state === 'failed' ? 'warning' : 'success'](t(`notifications.channels.tested.${d.state}`, { error: d.lastError ?? '' })),
      onError: (err) => showError(err),
    });
  const columns: TableColumnsType<Channel> = [
    { title: t('notifications.channels.kind'), dataIndex: 'kind', width: 110, render: (k: Channel['kind']) => <Tag color="blue">{t(`notifications.channelKinds.${k}`)}</Tag> },
    { title: t('notifications.channels.name'), dataIndex: 'name', width: 160, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
    {
      title: t('notifications.channels.target'),
      key: 'target',
      ellipsis: true,
      render: (_, c) => (
        <Typography.Text type="secondary" data-testid={`channel-target-${c.id}`}>
          {c.kind === 'email' ? c.recipients.join(', ') : maskUrl(c.url)}
          {c.hasSecret && <Tag style={{ marginInlineStart: 8 }}>{t('notifications.channels.signed')}</Tag>}
        </Typography.Text>
      ),
    },
    {
      title: t('notifications.channels.events'),
      dataIndex: 'events',
      render: (events: Channel['events']) => events.map((e) => <Tag key={e}>{t(`notifications.kindNames.${e}`)}</Tag>),
    },
    {
      title: t('notifications.channels.enabled'),
      dataIndex: 'enabled',
      width: 80,
      render: (on: boolean, c) => (
        <Switch
          size="small"
          checked={on}
          loading={update.isPending && update.variables.id === c.id}
          onChange={(enabled) => update.mutate({ id: c.id, body: { version: c.version, enabled } }, { onError: (err) => showError(err) })}
          data-testid={`channel-enabled-${c.id}`}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_, c) => (
        <Space size={0}>
          <Tooltip title={t('notifications.channels.test')}>
            <Button type="text" size="small" icon={<SendOutlined />} loading={test.isPending && test.variables === c.id} onClick={() => onTest(c)} aria-label={t('notifications.channels.test')} data-testid={`channel-test-${c.id}`} />
          </Tooltip>
          <Button type="text" size="small" icon={<EditOutlined />} onClick={() => onEdit(c)} aria-label={t('common.edit')} title={t('common.edit')} data-testid={`channel-edit-${c.id}`} />
          <Popconfirm
            title={t('notifications.channels.deleteConfirm', { name: c.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, ...testId('channel-delete-confirm') }}
            onConfirm={() => remove.mutate(c.id, { onError: (err) => showError(err) })}
          >
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid={`channel-delete-${c.id}`} />
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Table<Channel>
      data-testid="channels-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={channels}
      loading={loading}
      pagination={false}
      scroll={{ x: 960 }}
      onRow={(c) => ({ 'data-testid': `channel-row-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('notifications.channels.empty') }}
    />
  );
}
