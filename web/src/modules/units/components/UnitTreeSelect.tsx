import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { TreeSelectProps } from 'antd';
import { useUnitTree } from '../hooks';
import type { UnitNode } from '../tree';

type Props = Omit<TreeSelectProps<string>, 'treeData'> & {
  /** Units that may not be chosen (a unit cannot become its own descendant's child). */
  exclude?: Set<string>;
};

/** Pick a unit from the organisation tree; searchable by name or code. */
export function UnitTreeSelect({ exclude, ...props }: Props) {
  const { tree, isPending } = useUnitTree();
  const treeData = useMemo(() => {
    const toNode = (u: UnitNode): NonNullable<TreeSelectProps['treeData']>[number] => ({
      value: u.id,
      title: u.name,
      code: u.code,
      disabled: exclude?.has(u.id) ?? false,
      children: u.children?.map(toNode),
    });
    return tree.map(toNode);
  }, [tree, exclude]);
  return (
    <TreeSelect<string>
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      loading={isPending}
      treeData={treeData}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
