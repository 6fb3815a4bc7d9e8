import { Descriptions, Flex, Space, Tag, Typography, theme } from 'antd';
import { CheckCircleOutlined, LockOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '@lantu/core';
import { useItemsById } from '../hooks';
import type { NameOf } from '../history';
import { StatusTag } from '../../../ui/StatusTag';
import { ProgressBar } from './bits';

const dash = '—';

/** The item's responsibility (责任分解): who leads, who helps, who answers for it, when, and how progress is measured. */
export function ItemResponsibility({ item, nameOf }: { item: PlanItem; nameOf: NameOf }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const aligned = useItemsById(item.alignedItemIds);

  const method =
    item.progressMethod === 'manual' && item.manualProgress !== null
      ? `${t(`plans.method.${item.progressMethod}`)}（${Number(item.manualProgress)}%）`
      : t(`plans.method.${item.progressMethod}`);

  return (
    <Flex vertical gap={token.marginMD} data-testid="item-responsibility">
      <Flex gap={token.marginLG} align="center" wrap>
        <Space>
          <Typography.Text type="secondary">{t('plans.columns.status')}</Typography.Text>
          <StatusTag status={item.status} testId="item-status" />
        </Space>
        <Flex gap={token.marginXS} align="center" style={{ flex: 1, minWidth: 240, maxWidth: 420 }}>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('plans.columns.progress')}</Typography.Text>
          <ProgressBar progress={item.progress} status={item.status} testId="item-progress" />
        </Flex>
        {item.redBelow > 0 && (
          <Typography.Text type="danger" data-testid="item-red-below">
            {t('plans.redBelow', { count: item.redBelow })}
          </Typography.Text>
        )}
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'lead', label: t('plans.fields.leadUnitId'), children: <span data-testid="item-lead-unit-name">{item.leadUnitName ?? dash}</span> },
          {
            key: 'co',
            label: t('plans.fields.coUnitIds'),
            children: item.coUnitIds.length ? (
              <Flex gap={token.marginXXS} wrap>
                {item.coUnitIds.map((id) => (
                  <Tag key={id} style={{ marginInlineEnd: 0 }}>{nameOf(id) ?? id.slice(0, 8)}</Tag>
                ))}
              </Flex>
            ) : (
              dash
            ),
          },
          { key: 'leader', label: t('plans.fields.leaderId'), children: item.leaderName ?? dash },
          { key: 'owner', label: t('plans.fields.ownerId'), children: item.ownerName ?? dash },
          { key: 'weight', label: t('plans.fields.weight'), children: Number(item.weight) },
          { key: 'dates', label: t('plans.dates'), children: `${item.startDate ?? dash} ~ ${item.dueDate ?? dash}` },
          { key: 'method', label: t('plans.fields.progressMethod'), children: method },
          { key: 'indicators', label: t('plans.indicatorCount'), children: item.indicatorCount },
          {
            key: 'public',
            label: t('plans.fields.isPublic'),
            children: item.isPublic ? (
              <Tag color="success" icon={<CheckCircleOutlined />}>{t('plans.public')}</Tag>
            ) : (
              <Tag icon={<LockOutlined />}>{t('plans.internal')}</Tag>
            ),
          },
          ...(item.alignedItemIds.length
            ? [
                {
                  key: 'aligned',
                  label: t('plans.fields.alignedItemIds'),
                  span: 'filled' as const,
                  children: (
                    <Flex vertical gap={token.marginXXS} data-testid="item-aligned-list">
                      {aligned.map((q, n) =>
                        q.data ? (
                          <Link key={q.data.id} to={`/plans/${q.data.planId}/items/${q.data.id}`} data-testid={`aligned-${q.data.code}`}>
                            {q.data.code} {q.data.title}
                          </Link>
                        ) : (
                          <Typography.Text key={item.alignedItemIds[n]} type="secondary">
                            {q.isPending ? t('plans.loading') : t('plans.alignedMissing')}
                          </Typography.Text>
                        ),
                      )}
                    </Flex>
                  ),
                },
              ]
            : []),
          ...(item.description
            ? [{ key: 'desc', label: t('plans.fields.description'), span: 'filled' as const, children: <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: 'collapsible' }}>{item.description}</Typography.Paragraph> }]
            : []),
        ]}
      />
    </Flex>
  );
}
