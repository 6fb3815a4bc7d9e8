import { useMemo } from 'react';
import { Empty, Flex, Tag, Tree, Typography, theme } from 'antd';
import type { TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitNode } from '../tree';

/** The organisation tree, read only: name, kind and head count. */
export function OrgTree({ tree }: { tree: UnitNode[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const data = useMemo(() => {
    const toNode = (u: UnitNode): TreeDataNode => ({
      key: u.id,
      title: (
        <Flex gap={token.marginXS} align="center" wrap data-testid={`org-unit-${u.code}`}>
          <Typography.Text type={u.active ? undefined : 'secondary'} delete={!u.active}>
            {u.name}
          </Typography.Text>
          <Tag>{t(`units.kinds.${u.kind}`)}</Tag>
          <Typography.Text type="secondary">{t('units.memberCountShort', { count: u.memberCount })}</Typography.Text>
        </Flex>
      ),
      children: u.children?.map(toNode),
    });
    return tree.map(toNode);
  }, [tree, t, token.marginXS]);

  if (tree.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.empty')} />;
  // open the first two levels: the committee and its departments
  const expanded = tree.flatMap((r) => [r.id, ...(r.children ?? []).filter((c) => c.children).map((c) => c.id)]);
  return <Tree data-testid="org-tree" treeData={data} defaultExpandedKeys={expanded} selectable={false} blockNode showLine />;
}
