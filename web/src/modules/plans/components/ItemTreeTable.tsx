import { useMemo, useState } from 'react';
import { Badge, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '@lantu/core';
import { allParents, ancestorIds, expandedTo, type ItemNode } from '../tree';
import { StatusTag } from '../../../ui/StatusTag';
import { testId } from '../../../ui/testId';
import { ProgressBar } from './bits';

export interface ItemActions {
  onAddChild: (parent: PlanItem) => void;
  onEdit: (item: PlanItem) => void;
  onMove: (item: PlanItem) => void;
  onDelete: (item: PlanItem) => void;
}

interface Props {
  planId: string;
  tree: ItemNode[];
  loading: boolean;
  /** A filtered view opens every branch so each match is visible. */
  filtered: boolean;
  /** Identifies the current filter; the expansion resets when it changes. */
  filterKey: string;
  /** office only; without it the table is read-only. */
  actions?: ItemActions;
  /** What an empty table says (a new plan invites its first items). */
  empty?: React.ReactNode;
  /** An item to bring into view (just created or moved): its ancestors open once it is in the tree. `key` changes per request. */
  reveal?: { id: string; key: string };
}

/** The plan as a tree table, opened down to the second level (举措) by default. */
export function ItemTreeTable({ planId, tree, loading, filtered, filterKey, actions, reveal, empty }: Props) {
  const { t } = useTranslation();
  const defaults = useMemo(() => (filtered ? allParents(tree) : expandedTo(tree, 1)), [tree, filtered]);
  const [state, setState] = useState<{ key: string; ids: readonly string[] } | null>(null);
  const expanded = state && state.key === filterKey ? state.ids : defaults;
  const [revealed, setRevealed] = useState<string | undefined>(undefined);
  if (reveal && reveal.key !== revealed) {
    const chain = ancestorIds(tree, reveal.id);
    if (chain) {
      // adjusting state while rendering: the item has just arrived at its place in the tree
      setRevealed(reveal.key);
      setState({ key: filterKey, ids: [...new Set([...expanded, ...chain])] });
    }
  }

  const columns: TableColumnsType<ItemNode> = [
    { title: t('plans.columns.code'), dataIndex: 'code', width: 128, render: (code: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{code}</Typography.Text> },
    {
      title: t('plans.columns.title'),
      dataIndex: 'title',
      render: (title: string, i) => (
        <Link to={`/plans/${planId}/items/${i.id}`} data-testid={`item-link-${i.code}`}>
          <Typography.Text strong={i.depth === 1} style={{ color: 'inherit' }}>
            {title}
          </Typography.Text>
        </Link>
      ),
    },
    { title: t('plans.columns.level'), dataIndex: 'levelLabel', width: 64, render: (l: string) => <Tag variant="filled">{l}</Tag> },
    {
      title: t('plans.columns.leadUnit'),
      dataIndex: 'leadUnitName',
      width: 132,
      ellipsis: { showTitle: true },
      render: (name: string | null) => name ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('plans.columns.progress'),
      dataIndex: 'progress',
      width: 140,
      render: (_, i) => <ProgressBar progress={i.progress} status={i.status} testId={`item-progress-${i.code}`} />,
    },
    { title: t('plans.columns.status'), dataIndex: 'status', width: 84, render: (_, i) => <StatusTag status={i.status} compact testId={`item-status-${i.code}`} /> },
    {
      title: <Tooltip title={t('plans.columns.redBelowHint')}>{t('plans.columns.redBelow')}</Tooltip>,
      dataIndex: 'redBelow',
      width: 72,
      align: 'center',
      render: (n: number, i) => (n > 0 ? <Badge count={n} data-testid={`item-red-below-${i.code}`} /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: t('plans.columns.dueDate'), dataIndex: 'dueDate', width: 104, render: (d: string | null) => d ?? '—' },
  ];
  if (actions) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 124,
      fixed: 'right',
      render: (_, i) => {
        const blocked = i.children?.length ? t('plans.deleteBlockedChildren') : i.indicatorCount > 0 ? t('plans.deleteBlockedIndicators') : null;
        return (
          <Space size={0}>
            {/* native titles: a tooltip component per button is too heavy for a tree of hundreds of rows */}
            <Button type="text" size="small" icon={<PlusOutlined />} onClick={() => actions.onAddChild(i)} title={t('plans.addChild')} aria-label={t('plans.addChild')} data-testid={`item-add-child-${i.code}`} />
            <Button type="text" size="small" icon={<EditOutlined />} onClick={() => actions.onEdit(i)} title={t('common.edit')} aria-label={t('common.edit')} data-testid={`item-edit-${i.code}`} />
            <Button type="text" size="small" icon={<DragOutlined />} onClick={() => actions.onMove(i)} title={t('plans.move')} aria-label={t('plans.move')} data-testid={`item-move-${i.code}`} />
            <Popconfirm
              title={t('plans.deleteConfirm', { code: i.code })}
              description={t('plans.deleteHint')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, ...testId('item-delete-confirm') }}
              onConfirm={() => actions.onDelete(i)}
              disabled={Boolean(blocked)}
            >
              <span title={blocked ?? t('common.delete')}>
                <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={Boolean(blocked)} aria-label={t('common.delete')} data-testid={`item-delete-${i.code}`} />
              </span>
            </Popconfirm>
          </Space>
        );
      },
    });
  }

  return (
    <Table<ItemNode>
      data-testid="item-tree"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={tree}
      loading={loading}
      pagination={tree.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (n) => t('common.total', { count: n }) } : false}
      expandable={{ expandedRowKeys: expanded as string[], onExpandedRowsChange: (keys) => setState({ key: filterKey, ids: keys as string[] }) }}
      onRow={(i) => ({ 'data-testid': `item-row-${i.code}`, 'data-status': i.status }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: empty ?? t('plans.noItems') }}
      scroll={{ x: actions ? 1060 : 940 }}
      sticky
    />
  );
}
