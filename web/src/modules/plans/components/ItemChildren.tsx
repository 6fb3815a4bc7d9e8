import { Flex, Typography, theme } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '@lantu/core';
import { ItemList } from '../../../ui/ItemList';
import { StatusTag } from '../../../ui/StatusTag';
import { ProgressBar } from './bits';

/** The item's direct children with their progress and status. */
export function ItemChildren({ planId, items }: { planId: string; items: PlanItem[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <ItemList
      testId="item-children"
      items={items}
      rowKey={(i) => i.id}
      empty={t('plans.noChildren')}
      render={(i) => (
        <Flex vertical gap={token.marginXXS} style={{ minWidth: 0 }}>
          <Link to={`/plans/${planId}/items/${i.id}`} data-testid={`child-${i.code}`}>
            <Typography.Text code>{i.code}</Typography.Text> {i.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
            {[i.levelLabel, i.leadUnitName, i.dueDate && t('plans.dueOn', { date: i.dueDate })].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      )}
      extra={(i) => (
        <>
          <div style={{ width: 140 }}>
            <ProgressBar progress={i.progress} status={i.status} />
          </div>
          <StatusTag status={i.status} compact />
        </>
      )}
    />
  );
}
