import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useCurrentUser } from '../../modules/auth/hooks';
import { usePlan } from '../../modules/plans/hooks';
import { usePlanError } from '../../modules/plans/errors';
import { LoadState } from '../../modules/plans/components/LoadState';
import { useDeleteIndicator, useDeleteValue, useIndicator, useSeries, useValues } from '../../modules/indicators/hooks';
import { IndicatorSummary } from '../../modules/indicators/components/IndicatorSummary';
import { IndicatorChart } from '../../modules/indicators/components/IndicatorChart';
import { ValuesTable } from '../../modules/indicators/components/ValuesTable';
import { ValueModal, type ValueTarget } from '../../modules/indicators/components/ValueModal';
import { IndicatorFormDrawer, type IndicatorFormTarget } from '../../modules/indicators/components/IndicatorFormDrawer';
import { errorText } from '../../api/useApiError';
import { WRITERS } from '../../app/access';
import { PageContainer } from '../../ui/PageContainer';
import { testId } from '../../ui/testId';
import { isComputed } from '../../modules/indicators/projectFilter';

/** One indicator: its target and evaluation, the monthly chart and values; the office records values here. */
export default function IndicatorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { indicatorId = '' } = useParams();
  const me = useCurrentUser();
  const canWrite = hasAnyRole(me, WRITERS.plans);
  const indicator = useIndicator(indicatorId);
  const plan = usePlan(indicator.data?.planId);
  const series = useSeries(indicatorId);
  const values = useValues(indicatorId);
  const removeValue = useDeleteValue();
  const removeIndicator = useDeleteIndicator();
  const showError = usePlanError();
  const [valueTarget, setValueTarget] = useState<ValueTarget | null>(null);
  const [form, setForm] = useState<IndicatorFormTarget | null>(null);

  if (!indicator.data) {
    return <LoadState testId="page-indicator" error={indicator.error} onRetry={() => void indicator.refetch()} backTo="/plans" backLabel={t('plans.backToList')} />;
  }
  const ind = indicator.data;
  const asOf = me.zone.asOfDate;
  const asOfMonth = Number(asOf.slice(0, 4)) === ind.year ? Number(asOf.slice(5, 7)) : null;
  const formula = isComputed(ind);

  const onDeleteValue = (period: string) =>
    removeValue.mutate(
      { indicatorId: ind.id, period },
      { onSuccess: () => void message.success(t('indicators.values.deleted', { period })), onError: (err) => showError(err) },
    );
  const onDeleteIndicator = () =>
    removeIndicator.mutate(ind.id, {
      onSuccess: () => {
        void message.success(t('indicators.deleted', { name: ind.name }));
        void navigate(`/plans/${ind.planId}/items/${ind.itemId}`, { replace: true });
      },
      onError: (err) => showError(err),
    });

  return (
    <PageContainer
      testId="page-indicator"
      breadcrumb={
        <Breadcrumb
          data-testid="indicator-breadcrumb"
          items={[
            { title: <Link to="/plans">{t('common.nav.plans')}</Link> },
            { title: <Link to={`/plans/${ind.planId}`}>{plan.data?.title ?? '…'}</Link> },
            { title: <Link to={`/plans/${ind.planId}/items/${ind.itemId}`}>{`${ind.itemCode} ${ind.itemTitle}`}</Link> },
            { title: ind.code },
          ]}
        />
      }
      title={
        <span data-testid="indicator-title">
          {ind.name} <Tag style={{ verticalAlign: 'middle' }}>{ind.code}</Tag>
        </span>
      }
      subtitle={t('indicators.pageSubtitle', { date: asOf, unit: ind.unitOfMeasure })}
      extra={
        canWrite && (
          <>
            <Popconfirm
              title={t('indicators.deleteConfirm', { name: ind.name })}
              description={t('indicators.deleteHint')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, ...testId('indicator-delete-confirm') }}
              onConfirm={onDeleteIndicator}
            >
              <Button danger icon={<DeleteOutlined />} loading={removeIndicator.isPending} data-testid="indicator-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
            <Button icon={<EditOutlined />} onClick={() => setForm({ mode: 'edit', indicator: ind })} data-testid="indicator-edit">
              {t('indicators.edit')}
            </Button>
            {!formula && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setValueTarget({ period: null })} data-testid="value-record">
                {t('indicators.values.recordButton')}
              </Button>
            )}
          </>
        )
      }
    >
      <IndicatorSummary indicator={ind} />
      <Card title={t('indicators.chart.title')} size="small" data-testid="indicator-chart-card">
        {series.error ? (
          <Alert type="error" showIcon title={errorText(t, series.error)} />
        ) : series.data ? (
          <IndicatorChart indicator={ind} series={series.data} asOfMonth={asOfMonth} />
        ) : (
          <Skeleton active paragraph={{ rows: 6 }} />
        )}
      </Card>
      <Card
        title={t('indicators.values.title')}
        size="small"
        extra={formula && <Typography.Text type="secondary">{t(ind.source === 'projects' ? 'indicators.values.projectsHint' : 'indicators.values.formulaHint')}</Typography.Text>}
      >
        {values.error ? (
          <Alert type="error" showIcon title={errorText(t, values.error)} />
        ) : (
          <ValuesTable
            indicator={ind}
            values={values.data?.items ?? []}
            series={series.data}
            asOfDate={asOf}
            loading={values.isPending}
            canWrite={canWrite}
            onRecord={(period) => setValueTarget({ period })}
            onDelete={onDeleteValue}
          />
        )}
      </Card>
      {canWrite && (
        <>
          <ValueModal indicator={ind} values={values.data?.items ?? []} target={valueTarget} asOfDate={asOf} onClose={() => setValueTarget(null)} />
          <IndicatorFormDrawer target={form} onClose={() => setForm(null)} />
        </>
      )}
    </PageContainer>
  );
}
