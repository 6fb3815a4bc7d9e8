import { Badge, Table, Tooltip, Typography, theme, type TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Project } from '@lantu/core';
import type { ProjectPaging } from '../api';
import { PAGE_SIZES } from '../filters';
import { useMoney } from '../format';
import { CategoryText, ProjectStatusTag, StageTag, YearToDate } from './bits';

interface Props {
  items: Project[];
  total: number;
  loading: boolean;
  paging: ProjectPaging;
  onPaging: (next: Partial<ProjectPaging>) => void;
}

type SortKey = NonNullable<ProjectPaging['sort']>;

/** The registry, one page at a time; sorting and paging go through the API (and the URL). */
export function ProjectTable({ items, total, loading, paging, onPaging }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const m = useMoney();
  const sortOrder = (key: SortKey) => (paging.sort === key ? (paging.order === 'desc' ? 'descend' : 'ascend') : null);

  const columns: TableProps<Project>['columns'] = [
    { key: 'code', title: t('projects.columns.code'), dataIndex: 'code', width: 100, sorter: true, sortOrder: sortOrder('code') },
    {
      key: 'name',
      title: t('projects.columns.name'),
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (_, p) => (
        <div style={{ minWidth: 200 }}>
          <Link to={`/projects/${p.id}`} data-testid={`project-link-${p.code}`}>{p.name}</Link>
          {p.enterprise && <div><Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>{p.enterprise}</Typography.Text></div>}
        </div>
      ),
    },
    { key: 'category', title: t('projects.columns.category'), width: 80, render: (_, p) => <CategoryText category={p.category} /> },
    { key: 'stage', title: t('projects.columns.stage'), width: 96, sorter: true, sortOrder: sortOrder('stage'), render: (_, p) => <StageTag stage={p.stage} /> },
    {
      key: 'status',
      title: t('projects.columns.status'),
      width: 90,
      sorter: true,
      sortOrder: sortOrder('status'),
      render: (_, p) => <ProjectStatusTag project={p} compact testId={`project-status-${p.code}`} />,
    },
    { key: 'unit', title: t('projects.columns.leadUnit'), width: 110, render: (_, p) => p.leadUnitName ?? '—' },
    {
      key: 'totalInvestment',
      title: t('projects.columns.total'),
      width: 120,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('totalInvestment'),
      render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{m.money(p.totalInvestment)}</span>,
    },
    { key: 'ytd', title: t('projects.columns.yearToDate'), width: 180, render: (_, p) => <YearToDate project={p} /> },
    {
      key: 'overdueDays',
      title: t('projects.columns.overdue'),
      width: 100,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('overdueDays'),
      render: (_, p) =>
        p.overdueDays > 0 ? (
          <Tooltip title={p.overdueStage ? t('projects.overdueAt', { stage: t(`projects.stage.${p.overdueStage}`) }) : undefined}>
            <Typography.Text type="danger" data-testid={`project-overdue-${p.code}`}>{t('projects.days', { count: p.overdueDays })}</Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'problems',
      title: t('projects.columns.problems'),
      width: 90,
      align: 'center',
      render: (_, p) => <Badge count={p.openProblems} showZero={false} color={token.colorWarning} data-testid={`project-problems-${p.code}`} />,
    },
  ];

  return (
    <Table<Project>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      columns={columns}
      scroll={{ x: 1100 }}
      data-testid="project-table"
      onRow={(p) => ({ 'data-testid': `project-row-${p.code}` }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('projects.empty') }}
      onChange={(pagination, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const key = s?.order ? (s.columnKey as SortKey) : undefined;
        const sortChanged = key !== paging.sort || (s?.order === 'descend' ? 'desc' : 'asc') !== (paging.order ?? 'asc');
        onPaging({
          page: sortChanged && key !== undefined ? 1 : (pagination.current ?? 1),
          pageSize: pagination.pageSize ?? paging.pageSize,
          sort: key,
          order: key ? (s?.order === 'descend' ? 'desc' : 'asc') : undefined,
        });
      }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (n) => t('common.total', { count: n }),
      }}
    />
  );
}
