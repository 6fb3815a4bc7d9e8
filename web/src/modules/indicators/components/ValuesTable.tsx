import { Button, Flex, Popconfirm, Space, Table, Tag, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Frequency, Indicator, IndicatorSeries, IndicatorValue } from '@lantu/core';
import { evidenceUrl } from '../api';
import { useFormat } from '../format';
import { isComputed } from '../projectFilter';
import { testId } from '../../../ui/testId';

const DUE_MONTHS: Record<Frequency, number[]> = {
  monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  quarterly: [3, 6, 9, 12],
  half_yearly: [6, 12],
  annual: [12],
};
/** Columns about entering a value, empty for computed months. */
const ENTRY_ONLY = ['note', 'evidence', 'review', 'updatedAt'];
const REVIEW_COLOR: Record<IndicatorValue['reviewState'], string> = { draft: 'default', submitted: 'processing', returned: 'error', accepted: 'success' };

interface Row {
  period: string;
  value: IndicatorValue | null;
  /** Cumulative actual and time-phased target at the end of the month (chart series). */
  actual: string | null;
  expected: string | null;
  /** A value was owed by the business date and none is stored. */
  owed: boolean;
}

/** A computed month shown like a stored one: its figure, nothing else (no note, evidence or review). */
const computedValue = (period: string, value: string, indicatorId: string): IndicatorValue => ({
  id: period,
  indicatorId,
  period,
  value,
  currentAmount: null,
  lastYearAmount: null,
  note: null,
  reviewState: 'accepted',
  version: 0,
  updatedAt: '',
  evidence: [],
});

/**
 * The periods to list: every month a value is due in the indicator's year, plus any stored value.
 * A computed indicator (formula, projects) lists the months it has a value for, from the series.
 */
function rowsOf(ind: Indicator, values: IndicatorValue[], series: IndicatorSeries | undefined, asOfDate: string): Row[] {
  if (isComputed(ind)) {
    const months = (series?.months ?? []).filter((m) => m.value !== null);
    return months.map((m) => ({ period: m.period, value: computedValue(m.period, m.value!, ind.id), actual: m.actual, expected: m.expected, owed: false }));
  }
  const byPeriod = new Map(values.map((v) => [v.period, v]));
  const seriesOf = new Map((series?.months ?? []).map((m) => [m.period, m]));
  const periods = new Set(DUE_MONTHS[ind.frequency].map((m) => `${ind.year}-${String(m).padStart(2, '0')}`));
  for (const v of values) periods.add(v.period);
  // a month is owed once it has ended by the business date
  const closed = asOfDate.slice(0, 7);
  return [...periods].sort().map((period) => ({
    period,
    value: byPeriod.get(period) ?? null,
    actual: seriesOf.get(period)?.actual ?? null,
    expected: seriesOf.get(period)?.expected ?? null,
    owed: !byPeriod.has(period) && period < closed,
  }));
}

interface Props {
  indicator: Indicator;
  values: IndicatorValue[];
  series: IndicatorSeries | undefined;
  asOfDate: string;
  loading: boolean;
  canWrite: boolean;
  onRecord: (period: string) => void;
  onDelete: (period: string) => void;
}

/** The monthly values with note, evidence and review state; the office records or corrects a month here. */
export function ValuesTable({ indicator, values, series, asOfDate, loading, canWrite, onRecord, onDelete }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const f = useFormat();
  const u = indicator.unitOfMeasure;
  const rows = rowsOf(indicator, values, series, asOfDate);
  const growth = indicator.kind === 'growth';
  const computed = isComputed(indicator);

  const columns: TableColumnsType<Row> = [
    { title: t('indicators.values.period'), dataIndex: 'period', width: 88, fixed: 'left', render: (p: string) => <Typography.Text strong>{p}</Typography.Text> },
    {
      title: indicator.kind === 'amount' ? t('indicators.values.flowColumn') : t('indicators.values.valueColumn'),
      key: 'value',
      width: 104,
      align: 'right',
      render: (_, r) =>
        r.value ? (
          <Typography.Text data-testid={`value-${r.period}`}>{f.qty(r.value.value, u)}</Typography.Text>
        ) : r.owed ? (
          <Tag color="error" data-testid={`value-${r.period}`}>{t('plans.status.nodata')}</Tag>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    ...(indicator.kind === 'amount'
      ? [{ title: t('indicators.values.cumulative'), key: 'actual', width: 100, align: 'right' as const, render: (_: unknown, r: Row) => (r.actual ? f.qty(r.actual, u) : '—') }]
      : []),
    ...(growth
      ? [
          {
            title: t('indicators.values.amounts'),
            key: 'amounts',
            width: 150,
            render: (_: unknown, r: Row) =>
              r.value?.currentAmount ? (
                <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
                  {t('indicators.values.amountsValue', { current: f.num(r.value.currentAmount), last: f.num(r.value.lastYearAmount) })}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]
      : []),
    { title: t(`indicators.chart.expected.${indicator.kind}`), key: 'expected', width: 100, align: 'right', render: (_, r) => (r.expected ? f.qty(r.expected, u) : '—') },
    {
      title: t('indicators.values.note'),
      key: 'note',
      render: (_, r) => (r.value?.note ? <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: r.value.note }}>{r.value.note}</Typography.Paragraph> : '—'),
    },
    {
      title: t('indicators.values.evidence'),
      key: 'evidence',
      width: 130,
      render: (_, r) =>
        r.value?.evidence.length ? (
          <Flex vertical>
            {r.value.evidence.map((e) => (
              <Typography.Link key={e.id} href={evidenceUrl(e.id)} ellipsis style={{ maxWidth: 124 }} data-testid={`evidence-${e.id}`}>
                <PaperClipOutlined /> {e.name}
              </Typography.Link>
            ))}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('indicators.values.review'),
      key: 'review',
      width: 88,
      render: (_, r) => (r.value ? <Tag color={REVIEW_COLOR[r.value.reviewState]}>{t(`indicators.review.${r.value.reviewState}`)}</Tag> : '—'),
    },
    {
      title: t('indicators.values.updatedAt'),
      key: 'updatedAt',
      width: 140,
      render: (_, r) => (r.value ? dayjs(r.value.updatedAt).format('YYYY-MM-DD HH:mm') : '—'),
    },
  ];
  if (canWrite && !computed) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_, r) => (
        <Space size={0}>
          {(r.value || r.period <= asOfDate.slice(0, 7)) && (
          <Button type="link" size="small" icon={r.value ? <EditOutlined /> : <PlusOutlined />} onClick={() => onRecord(r.period)} data-testid={`value-record-${r.period}`}>
            {r.value ? t('indicators.values.correct') : t('indicators.values.record')}
          </Button>
          )}
          {r.value && (
            <Popconfirm
              title={t('indicators.values.deleteConfirm', { period: r.period })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, ...testId('value-delete-confirm') }}
              onConfirm={() => onDelete(r.period)}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid={`value-delete-${r.period}`} />
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <Table<Row>
      data-testid="values-table"
      rowKey="period"
      size="small"
      columns={computed ? columns.filter((c) => !ENTRY_ONLY.includes(String(c.key))) : columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: growth ? 1100 : 1040 }}
      onRow={(r) => ({ 'data-testid': `value-row-${r.period}` }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
