import { useMemo } from 'react';
import { App, Form, Modal, Select, TreeSelect, Typography, type TreeSelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '@lantu/core';
import { useMoveItem } from '../hooks';
import { usePlanError } from '../errors';
import { subtreeIds, type ItemNode } from '../tree';
import { testId } from '../../../ui/testId';

const TOP = '__top__';

interface Values {
  parent: string;
  position: number;
}

interface Props {
  item: PlanItem | null;
  /** The whole plan (unfiltered), flat and as a tree. */
  items: PlanItem[];
  tree: ItemNode[];
  maxDepth: number;
  onClose: () => void;
  onMoved?: (item: PlanItem) => void;
}

/** office: move an item (with everything under it) to another parent and position; codes are renumbered. */
export function MoveItemModal(props: Props) {
  return props.item ? <MoveItemPanel key={props.item.id} {...props} item={props.item} /> : null;
}

function MoveItemPanel({ item, items, tree, maxDepth, onClose, onMoved }: Props & { item: PlanItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const move = useMoveItem();
  const showError = usePlanError();
  const parentValue = Form.useWatch('parent', form) ?? item.parentId ?? TOP;

  const blocked = useMemo(() => subtreeIds(items, item.id), [items, item.id]);
  // how many levels the moved branch spans (1 = a leaf)
  const height = useMemo(() => Math.max(...items.filter((i) => blocked.has(i.id)).map((i) => i.depth)) - item.depth + 1, [items, blocked, item.depth]);
  const treeData = useMemo(() => {
    const toNode = (n: ItemNode): NonNullable<TreeSelectProps['treeData']>[number] => ({
      value: n.id,
      title: `${n.code} ${n.title}`,
      disabled: blocked.has(n.id) || n.depth + height > maxDepth,
      children: n.children?.filter((c) => !blocked.has(c.id) || c.id === item.id).map(toNode),
    });
    return [{ value: TOP, title: t('plans.moveForm.top') }, ...tree.map(toNode)];
  }, [tree, blocked, height, maxDepth, item.id, t]);

  const parentId = parentValue === TOP ? null : parentValue;
  const siblings = items.filter((i) => i.parentId === parentId && i.id !== item.id).sort((a, b) => a.position - b.position);
  const positions = [
    { value: 0, label: t('plans.moveForm.first') },
    ...siblings.map((s, n) => ({ value: n + 1, label: t('plans.moveForm.after', { code: s.code, title: s.title }) })),
  ];
  const currentIndex = items.filter((i) => i.parentId === item.parentId).sort((a, b) => a.position - b.position).findIndex((i) => i.id === item.id);

  const onFinish = (v: Values) =>
    move.mutate(
      { id: item.id, body: { version: item.version, parentId: v.parent === TOP ? null : v.parent, position: v.position } },
      {
        onSuccess: (moved) => {
          void message.success(t('plans.moveForm.moved', { code: moved.code }));
          onClose();
          onMoved?.(moved);
        },
        onError: (err) => showError(err, form),
      },
    );

  return (
    <Modal
      open
      title={t('plans.moveForm.title', { code: item.code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('plans.move')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      okButtonProps={testId('item-move-submit')}
      destroyOnHidden
      data-testid="item-move"
    >
      <Typography.Paragraph type="secondary">{t('plans.moveForm.hint', { title: item.title })}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ parent: item.parentId ?? TOP, position: Math.max(0, currentIndex) }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.parent !== undefined) form.setFieldValue('position', 0);
        }}
      >
        <Form.Item name="parent" label={t('plans.moveForm.parent')} rules={[{ required: true, message: t('common.required') }]}>
          <TreeSelect showSearch={{ treeNodeFilterProp: 'title' }} treeData={treeData} treeDefaultExpandedKeys={item.parentId ? [item.parentId] : []} data-testid="item-move-parent" />
        </Form.Item>
        <Form.Item name="position" label={t('plans.moveForm.position')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={positions} data-testid="item-move-position" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
