import { App, Button, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Delivery, DeliveryState } from '@lantu/core';
import { useRetryDelivery } from '../hooks';
import { useReportingError } from '../../reporting/errors';
import { timeText } from '../../reporting/format';

const STATE_COLOR: Record<DeliveryState, string> = { pending: 'default', sending: 'processing', sent: 'success', failed: 'error' };

interface Props {
  deliveries: Delivery[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

/** The outbox: every send, failed ones first, with attempts, the last error and the next try; failed ones can be retried. */
export function DeliveriesTable({ deliveries, total, page, pageSize, loading, onPage }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const retry = useRetryDelivery();
  const showError = useReportingError('notifications');
  const columns: TableColumnsType<Delivery> = [
    { title: t('notifications.deliveries.createdAt'), dataIndex: 'createdAt', width: 140, render: timeText },
    {
      title: t('notifications.deliveries.channel'),
      key: 'channel',
      width: 190,
      render: (_, d) => (
        <>
          <Tag>{t(`notifications.channelKinds.${d.channelKind}`)}</Tag>
          {d.channelName}
        </>
      ),
    },
    {
      title: t('notifications.deliveries.kind'),
      dataIndex: 'kind',
      width: 130,
      // a channel's test message is stored as a reminder; say what it is
      render: (k: Delivery['kind'], d) => (d.test ? <Tag data-testid={`delivery-test-${d.id}`}>{t('notifications.deliveries.testMessage')}</Tag> : t(`notifications.kindNames.${k}`)),
    },
    {
      title: t('notifications.deliveries.state'),
      dataIndex: 'state',
      width: 100,
      render: (s: DeliveryState, d) => <Tag color={STATE_COLOR[s]} data-testid={`delivery-state-${d.id}`} data-state={s}>{t(`notifications.deliveryState.${s}`)}</Tag>,
    },
    { title: t('notifications.deliveries.attempts'), dataIndex: 'attempts', width: 80, align: 'center' },
    {
      title: t('notifications.deliveries.lastError'),
      dataIndex: 'lastError',
      ellipsis: true,
      render: (e: string | null) => (e ? <Typography.Text type="danger" title={e}>{e}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: t('notifications.deliveries.nextAttemptAt'), dataIndex: 'nextAttemptAt', width: 140, render: timeText },
    { title: t('notifications.deliveries.sentAt'), dataIndex: 'sentAt', width: 140, render: timeText },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_, d) =>
        d.state === 'failed' && (
          <Button
            size="small"
            icon={<RedoOutlined />}
            loading={retry.isPending && retry.variables === d.id}
            onClick={() => retry.mutate(d.id, { onSuccess: () => void message.success(t('notifications.deliveries.retried')), onError: (err) => showError(err) })}
            data-testid={`delivery-retry-${d.id}`}
          >
            {t('common.retry')}
          </Button>
        ),
    },
  ];
  return (
    <Table<Delivery>
      data-testid="deliveries-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={deliveries}
      loading={loading}
      scroll={{ x: 1200 }}
      onRow={(d) => ({ 'data-testid': `delivery-row-${d.id}`, 'data-state': d.state }) as React.HTMLAttributes<HTMLElement>}
      pagination={{ current: page, pageSize, total, showSizeChanger: true, showTotal: (n) => t('common.total', { count: n }), onChange: onPage }}
      locale={{ emptyText: t('notifications.deliveries.empty') }}
    />
  );
}
