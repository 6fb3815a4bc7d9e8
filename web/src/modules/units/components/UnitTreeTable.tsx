import { useMemo, useState } from 'react';
import { App, Button, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@lantu/core';
import { useDeleteUnit, useUpdateUnit } from '../hooks';
import type { UnitNode } from '../tree';
import { isApiError } from '../../../api/client';
import { useApiError } from '../../../api/useApiError';
import { testId } from '../../../ui/testId';

interface Props {
  tree: UnitNode[];
  loading: boolean;
  onCreateChild: (parent: Unit) => void;
  onEdit: (unit: Unit) => void;
}

/** The organisation as a tree table with the admin's actions on each unit. */
export function UnitTreeTable({ tree, loading, onCreateChild, onEdit }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateUnit();
  const remove = useDeleteUnit();
  const showError = useApiError();
  // track what the user folded, so a unit that just got its first child shows it expanded
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const parentIds = useMemo(() => {
    const ids: string[] = [];
    const walk = (nodes: UnitNode[]) => nodes.forEach((n) => n.children && (ids.push(n.id), walk(n.children)));
    walk(tree);
    return ids;
  }, [tree]);
  const onExpand = (open: boolean, u: UnitNode) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (open) next.delete(u.id);
      else next.add(u.id);
      return next;
    });

  const onDelete = (u: Unit) =>
    remove.mutate(u.id, {
      onSuccess: () => void message.success(t('units.deleted', { name: u.name })),
      onError: (err) => {
        const withReason = isApiError(err) && (err.details as { reason?: unknown } | undefined)?.reason;
        if (isApiError(err) && err.code === 'conflict' && !withReason) void message.error(t('units.deleteConflict'));
        else showError(err);
      },
    });
  const onToggle = (u: Unit, active: boolean) =>
    update.mutate({ id: u.id, body: { version: u.version, active } }, { onError: (err) => showError(err) });

  const columns: TableColumnsType<UnitNode> = [
    {
      title: t('fields.name'),
      dataIndex: 'name',
      render: (_, u) => (
        <Space size="small" data-testid={`unit-row-${u.code}`}>
          <Typography.Text strong={!u.parentId}>{u.name}</Typography.Text>
          {u.shortName && <Typography.Text type="secondary">({u.shortName})</Typography.Text>}
        </Space>
      ),
    },
    { title: t('fields.code'), dataIndex: 'code', width: 140 },
    { title: t('fields.kind'), dataIndex: 'kind', width: 110, render: (k: Unit['kind']) => <Tag>{t(`units.kinds.${k}`)}</Tag> },
    { title: t('units.memberCount'), dataIndex: 'memberCount', width: 100, align: 'right' },
    { title: t('fields.sort'), dataIndex: 'sort', width: 80, align: 'right' },
    {
      title: t('fields.active'),
      dataIndex: 'active',
      width: 90,
      render: (active: boolean, u) => (
        <Switch
          size="small"
          checked={active}
          loading={update.isPending && update.variables?.id === u.id}
          onChange={(v) => onToggle(u, v)}
          data-testid={`unit-active-${u.code}`}
          aria-label={t('fields.active')}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 260,
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => onCreateChild(u)} data-testid={`unit-add-child-${u.code}`}>
            {t('units.addChild')}
          </Button>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(u)} data-testid={`unit-edit-${u.code}`}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('units.deleteConfirm', { name: u.name })}
            description={t('units.deleteHint')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, ...testId('unit-delete-confirm') }}
            onConfirm={() => onDelete(u)}
          >
            <Button
              type="link"
              size="small"
              danger
              icon={<DeleteOutlined />}
              disabled={Boolean(u.children?.length) || u.memberCount > 0}
              data-testid={`unit-delete-${u.code}`}
            >
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Table<UnitNode>
      data-testid="units-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={tree}
      loading={loading}
      pagination={false}
      expandable={{ expandedRowKeys: parentIds.filter((id) => !collapsed.has(id)), onExpand }}
      scroll={{ x: 900 }}
    />
  );
}
