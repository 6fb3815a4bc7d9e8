import { Flex, Table, Tooltip, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '@lantu/core';
import { StatusTag } from '../../../ui/StatusTag';
import { useFormat, usesRatio } from '../format';
import { KindTag } from './KindTag';

interface Props {
  items: Indicator[];
  loading: boolean;
}

/** An item's indicators with their evaluation as of the business date. */
export function IndicatorTable({ items, loading }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const f = useFormat();

  const columns: TableColumnsType<Indicator> = [
    {
      title: t('indicators.columns.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 220,
      render: (name: string, i) => (
        <Flex vertical>
          <Link to={`/indicators/${i.id}`} data-testid={`indicator-link-${i.code}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>{i.code}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('indicators.columns.kind'), dataIndex: 'kind', width: 76, render: (k: Indicator['kind']) => <KindTag kind={k} /> },
    { title: t('indicators.columns.unit'), dataIndex: 'unitOfMeasure', width: 80 },
    { title: t('indicators.columns.baseline'), dataIndex: 'baseline', width: 86, align: 'right', render: (v: string | null) => f.num(v) },
    {
      title: t('indicators.columns.target'),
      key: 'target',
      width: 96,
      align: 'right',
      render: (_, i) => (i.kind === 'limit' && i.limitMode === 'about' ? `${f.num(i.bandLow)}–${f.num(i.bandHigh)}` : f.num(i.target)),
    },
    { title: t('indicators.columns.expected'), key: 'expected', width: 100, align: 'right', render: (_, i) => f.num(i.evaluation.expected) },
    {
      title: t('indicators.columns.actual'),
      key: 'actual',
      width: 96,
      align: 'right',
      render: (_, i) => <Typography.Text strong data-testid={`indicator-actual-${i.code}`}>{f.num(i.evaluation.actual)}</Typography.Text>,
    },
    {
      title: <Tooltip title={t('indicators.columns.ratioHint')}>{t('indicators.columns.ratio')}</Tooltip>,
      key: 'ratio',
      width: 100,
      align: 'right',
      render: (_, i) =>
        usesRatio(i.kind) ? f.pct(i.evaluation.ratio) : i.kind === 'growth' && i.evaluation.gap !== null ? t('indicators.gapPp', { gap: f.signed(i.evaluation.gap) }) : '—',
    },
    { title: t('indicators.columns.status'), key: 'status', width: 96, render: (_, i) => <StatusTag status={i.evaluation.status} compact testId={`indicator-status-${i.code}`} /> },
    {
      title: t('indicators.columns.forecast'),
      key: 'forecast',
      width: 130,
      align: 'right',
      render: (_, i) => (
        <Flex gap={token.marginXXS} justify="flex-end" align="center">
          {i.evaluation.atRisk && (
            <Tooltip title={t('indicators.atRiskHint', { forecast: f.qty(i.evaluation.forecast, i.unitOfMeasure), target: f.qty(i.target, i.unitOfMeasure) })}>
              <WarningFilled style={{ color: token.colorWarning }} data-testid={`indicator-at-risk-${i.code}`} aria-label={t('indicators.atRisk')} />
            </Tooltip>
          )}
          <span>{f.num(i.evaluation.forecast)}</span>
        </Flex>
      ),
    },
  ];

  return (
    <Table<Indicator>
      data-testid="indicator-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: t('indicators.none') }}
      onRow={(i) => ({ 'data-testid': `indicator-row-${i.code}` }) as React.HTMLAttributes<HTMLElement>}
      scroll={{ x: 1080 }}
    />
  );
}
