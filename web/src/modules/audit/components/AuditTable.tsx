import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@lantu/core';
import { useAuditLabels } from '../labels';
import { JsonBlock } from '../../../ui/JsonBlock';

interface Props {
  items: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

const hasSummary = (e: AuditEvent) => e.summary !== null && e.summary !== undefined;

/** The audit trail, newest first as the API returns it; a row expands to its before/after summary. */
export function AuditTable({ items, total, page, pageSize, loading, onPage }: Props) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const columns: TableColumnsType<AuditEvent> = [
    { title: t('audit.columns.at'), dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
    { title: t('audit.columns.user'), dataIndex: 'username', width: 120, render: (u: string | null) => u ?? dash },
    { title: t('audit.columns.role'), dataIndex: 'role', width: 120, render: (r: string | null) => (r ? labels.role(r) : dash) },
    { title: t('audit.columns.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? dash },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      width: 180,
      render: (a: string) => (
        <Typography.Text title={a} data-testid="audit-action">
          {labels.action(a)}
        </Typography.Text>
      ),
    },
    {
      title: t('audit.columns.object'),
      key: 'object',
      render: (_, e) =>
        e.objectType ? (
          <Typography.Text>
            {labels.objectType(e.objectType)}{' '}
            {e.objectId && (
              <Typography.Text type="secondary" copyable={{ text: e.objectId }} ellipsis style={{ maxWidth: 120 }}>
                {e.objectId}
              </Typography.Text>
            )}
          </Typography.Text>
        ) : (
          dash
        ),
    },
    {
      title: t('audit.columns.result'),
      dataIndex: 'result',
      width: 90,
      render: (r: AuditEvent['result']) => <Tag color={r === 'success' ? 'green' : 'red'}>{t(`audit.result.${r}`)}</Tag>,
    },
  ];
  return (
    <Table<AuditEvent>
      data-testid="audit-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 1000 }}
      expandable={{
        rowExpandable: hasSummary,
        expandedRowRender: (e) => (
          <div data-testid={`audit-summary-${e.id}`}>
            {e.requestId && (
              <Typography.Paragraph type="secondary">
                {t('audit.columns.requestId')}: <Typography.Text code>{e.requestId}</Typography.Text>
              </Typography.Paragraph>
            )}
            <JsonBlock value={e.summary} />
          </div>
        ),
      }}
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
