import { useMemo } from 'react';
import { TreeSelect, type TreeSelectProps } from 'antd';
import { useQueries } from '@tanstack/react-query';
import type { PlanItem } from '@lantu/core';
import { PLANS_KEY, usePlans } from '../hooks';
import { fetchItems } from '../api';
import { buildItemTree, type ItemNode } from '../tree';

type Props = Omit<TreeSelectProps<string[]>, 'treeData' | 'multiple'>;

/** Pick items of the zone's strategic plans (an annual item aligns to them); each plan is a group. */
export function StrategicItemSelect(props: Props) {
  const plans = usePlans();
  const strategic = useMemo(() => (plans.data?.items ?? []).filter((p) => p.kind === 'strategic'), [plans.data]);
  const lists = useQueries({
    queries: strategic.map((p) => ({ queryKey: [...PLANS_KEY, 'items', p.id, {}], queryFn: () => fetchItems(p.id, {}) })),
  });
  const loading = plans.isPending || lists.some((l) => l.isPending);
  // a few dozen rows: rebuilt per render, no memo needed
  const toNode = (i: ItemNode): NonNullable<TreeSelectProps['treeData']>[number] => ({
    value: i.id,
    title: `${i.code} ${i.title}`,
    children: i.children?.map(toNode),
  });
  const treeData = strategic.map((p, n) => ({
    value: `plan:${p.id}`,
    title: p.title,
    selectable: false,
    checkable: false,
    children: buildItemTree((lists[n]?.data?.items ?? []) as PlanItem[]).map(toNode),
  }));
  return (
    <TreeSelect<string[]>
      multiple
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      loading={loading}
      treeData={treeData}
      popupMatchSelectWidth={false}
      maxTagCount="responsive"
      {...props}
    />
  );
}
