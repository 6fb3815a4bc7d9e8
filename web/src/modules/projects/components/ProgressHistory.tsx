import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Project, ProjectProgress } from '@lantu/core';
import { useDeleteProgress } from '../hooks';
import { useProjectError } from '../errors';
import { periodLabel, useMoney } from '../format';
import { PhotoStrip } from './PhotoStrip';
import { testId } from '../../../ui/testId';

interface Props {
  project: Project;
  rows: ProjectProgress[];
  loading: boolean;
  canWrite: boolean;
  onEdit: (period: string) => void;
}

const REVIEW_COLOR: Record<string, string> = { accepted: 'success', submitted: 'processing', returned: 'error', draft: 'default' };

/** Month by month, newest first: investment, 形象进度, note, photos with their EXIF facts. */
export function ProgressHistory({ project, rows, loading, canWrite, onEdit }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useMoney();
  const remove = useDeleteProgress();
  const showError = useProjectError();
  const sorted = [...rows].sort((a, b) => b.period.localeCompare(a.period));
  const onDelete = (period: string) =>
    remove.mutate({ projectId: project.id, period }, { onSuccess: () => void message.success(t('projects.progress.deleted', { period })), onError: (err) => showError(err) });

  return (
    <Table<ProjectProgress>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={sorted}
      pagination={sorted.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
      scroll={{ x: 1000 }}
      data-testid="progress-history"
      locale={{ emptyText: t('projects.progress.empty') }}
      onRow={(r) => ({ 'data-testid': `progress-row-${r.period}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'period',
          title: t('projects.progress.period'),
          width: 110,
          render: (_, r) => (
            <Space orientation="vertical" size={2}>
              <Typography.Text strong>{periodLabel(t, r.period)}</Typography.Text>
              <Tag color={REVIEW_COLOR[r.reviewState] ?? 'default'} style={{ marginInlineEnd: 0 }}>{t(`projects.review.${r.reviewState}`)}</Tag>
            </Space>
          ),
        },
        { key: 'completed', title: t('projects.progress.completed'), width: 110, align: 'right', render: (_, r) => m.money(r.completedInvestment) },
        { key: 'cumulative', title: t('projects.progress.cumulative'), width: 120, align: 'right', render: (_, r) => m.money(r.cumulativeInvestment) },
        {
          key: 'image',
          title: t('projects.progress.imageProgress'),
          render: (_, r) => (
            <div style={{ minWidth: 180 }}>
              <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 3, expandable: 'collapsible' }}>{r.imageProgress ?? '—'}</Typography.Paragraph>
              {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
            </div>
          ),
        },
        { key: 'photos', title: t('projects.progress.photos'), width: 380, render: (_, r) => <PhotoStrip row={r} canWrite={canWrite} /> },
        ...(canWrite
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: 100,
                render: (_: unknown, r: ProjectProgress) => (
                  <Space size={0}>
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(r.period)} aria-label={t('common.edit')} data-testid={`progress-edit-${r.period}`} />
                    <Popconfirm
                      title={t('projects.progress.deleteConfirm', { period: periodLabel(t, r.period) })}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true, ...testId('progress-delete-confirm') }}
                      onConfirm={() => onDelete(r.period)}
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid={`progress-delete-${r.period}`} />
                    </Popconfirm>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
