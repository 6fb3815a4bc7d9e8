import { Button, Space, Table, Tag, Typography, theme, type TableProps } from 'antd';
import { CheckOutlined, EditOutlined, LockOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Problem, ProblemState } from '@lantu/core';
import type { ProblemAction } from '../api';
import type { problemRights } from '../access';

const STATE_COLOR: Record<ProblemState, string> = { open: 'warning', resolved: 'processing', closed: 'default' };

export function ProblemStateTag({ state }: { state: ProblemState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`projects.problems.state.${state}`)}
    </Tag>
  );
}

interface Props {
  items: Problem[];
  loading: boolean;
  /** The cross-project list shows which project each problem belongs to. */
  showProject?: boolean;
  rightsOf: (p: Problem) => ReturnType<typeof problemRights>;
  onEdit: (p: Problem) => void;
  onAction: (p: Problem, action: ProblemAction) => void;
  pagination?: TableProps<Problem>['pagination'];
}

/** 问题清单: what blocks a project, whose it is to solve, by when; overdue ones stand out. */
export function ProblemTable({ items, loading, showProject = false, rightsOf, onEdit, onAction, pagination = false }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const action = (p: Problem, a: ProblemAction, icon: React.ReactNode) => (
    <Button size="small" type="link" icon={icon} onClick={() => onAction(p, a)} data-testid={`problem-${a}`}>
      {t(`projects.problems.actions.${a}`)}
    </Button>
  );
  const columns: TableProps<Problem>['columns'] = [
    ...(showProject
      ? [{
          key: 'project',
          title: t('projects.problems.project'),
          width: 170,
          render: (_: unknown, p: Problem) => (
            <Link to={`/projects/${p.projectId}`} data-testid="problem-project-link">
              <Typography.Text type="secondary">{p.projectCode}</Typography.Text> {p.projectName}
            </Link>
          ),
        }]
      : []),
    { key: 'description', title: t('projects.problems.description'), width: 240, render: (_, p) => <span data-testid="problem-description">{p.description}</span> },
    { key: 'owner', title: t('projects.problems.owner'), width: 120, render: (_, p) => p.ownerUnitName },
    {
      key: 'deadline',
      title: t('projects.problems.deadline'),
      width: 110,
      render: (_, p) =>
        p.deadline ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text type={p.overdue ? 'danger' : undefined}>{p.deadline}</Typography.Text>
            {p.overdue && <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="problem-overdue">{t('projects.problems.overdue')}</Tag>}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { key: 'state', title: t('projects.problems.stateLabel'), width: 90, render: (_, p) => <ProblemStateTag state={p.state} /> },
    {
      key: 'resolution',
      title: t('projects.problems.resolution'),
      width: 160,
      render: (_, p) => (p.resolution ? <Typography.Text>{p.resolution}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { key: 'created', title: t('projects.problems.created'), width: 96, render: (_, p) => dayjs(p.createdAt).format('YYYY-MM-DD') },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      fixed: 'right',
      render: (_, p) => {
        const r = rightsOf(p);
        return (
          <Space size={0} wrap>
            {r.edit && <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onEdit(p)} data-testid="problem-edit">{t('common.edit')}</Button>}
            {r.resolve && action(p, 'resolve', <CheckOutlined />)}
            {r.close && action(p, 'close', <LockOutlined />)}
            {r.reopen && action(p, 'reopen', <UndoOutlined />)}
          </Space>
        );
      },
    },
  ];
  return (
    <Table<Problem>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      // overdue open problems stand out; per cell, so the fixed actions cell is tinted too
      columns={columns.map((c) => ({ ...c, onCell: (p: Problem) => ({ style: p.overdue && p.state === 'open' ? { background: token.colorErrorBg } : undefined }) }))}
      pagination={pagination}
      scroll={{ x: showProject ? 1140 : 970 }}
      data-testid="problem-table"
      locale={{ emptyText: t('projects.problems.empty') }}
      onRow={(p) =>
        ({
          'data-testid': 'problem-row',
          'data-problem-id': p.id,
          'data-state': p.state,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}
