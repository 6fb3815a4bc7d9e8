import { useCallback, useMemo, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Row, Tag, Typography, theme } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useCurrentUser } from '../../modules/auth/hooks';
import { useItem, usePlan, usePlanItems } from '../../modules/plans/hooks';
import { ancestorsOf, peopleOf } from '../../modules/plans/tree';
import { useUnits } from '../../modules/units/hooks';
import { useIndicators } from '../../modules/indicators/hooks';
import { ItemResponsibility } from '../../modules/plans/components/ItemResponsibility';
import { ItemChildren } from '../../modules/plans/components/ItemChildren';
import { ItemHistory } from '../../modules/plans/components/ItemHistory';
import { ItemFormDrawer, type ItemFormTarget } from '../../modules/plans/components/ItemFormDrawer';
import { LoadState } from '../../modules/plans/components/LoadState';
import { IndicatorTable } from '../../modules/indicators/components/IndicatorTable';
import { IndicatorFormDrawer, type IndicatorFormTarget } from '../../modules/indicators/components/IndicatorFormDrawer';
import { errorText } from '../../api/useApiError';
import { WRITERS } from '../../app/access';
import { PageContainer } from '../../ui/PageContainer';

/** One plan item: responsibility, indicators, children and the audit trail; the office edits it here. */
export default function ItemPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const { planId = '', itemId = '' } = useParams();
  const me = useCurrentUser();
  const canWrite = hasAnyRole(me, WRITERS.plans);
  const item = useItem(itemId);
  const plan = usePlan(item.data?.planId ?? planId);
  const all = usePlanItems(item.data?.planId ?? planId);
  const units = useUnits();
  const indicators = useIndicators({ itemId });
  const [itemForm, setItemForm] = useState<ItemFormTarget | null>(null);
  const [indicatorForm, setIndicatorForm] = useState<IndicatorFormTarget | null>(null);

  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const u of units.data?.items ?? []) m.set(u.id, u.name);
    for (const p of peopleOf(all.items)) m.set(p.id, p.name);
    for (const i of all.items) m.set(i.id, `${i.code} ${i.title}`);
    for (const i of indicators.data?.items ?? []) m.set(i.id, i.name);
    return m;
  }, [units.data, all.items, indicators.data]);
  const nameOf = useCallback((id: string) => names.get(id), [names]);
  const chain = useMemo(() => ancestorsOf(all.items, itemId), [all.items, itemId]);
  const children = useMemo(() => all.items.filter((i) => i.parentId === itemId), [all.items, itemId]);
  const people = useMemo(() => peopleOf(all.items), [all.items]);

  if (!item.data || !plan.data) {
    return (
      <LoadState
        testId="page-item"
        error={item.error ?? plan.error}
        onRetry={() => void Promise.all([item.refetch(), plan.refetch()])}
        backTo={`/plans/${planId}`}
        backLabel={t('plans.backToPlan')}
      />
    );
  }
  const i = item.data;
  const p = plan.data;
  const ancestors = chain.length ? chain.slice(0, -1) : [];
  const year = Number(me.zone.asOfDate.slice(0, 4));

  return (
    <PageContainer
      testId="page-item"
      breadcrumb={
        <Breadcrumb
          data-testid="item-breadcrumb"
          items={[
            { title: <Link to="/plans">{t('common.nav.plans')}</Link> },
            { title: <Link to={`/plans/${p.id}`}>{p.title}</Link> },
            ...ancestors.map((a) => ({ title: <Link to={`/plans/${p.id}/items/${a.id}`}>{`${a.code} ${a.title}`}</Link> })),
            { title: i.code },
          ]}
        />
      }
      title={
        <span data-testid="item-title">
          <Tag color="blue" style={{ verticalAlign: 'middle' }}>{i.levelLabel}</Tag>
          <Typography.Text code style={{ fontSize: token.fontSizeHeading4 }}>{i.code}</Typography.Text> {i.title}
        </span>
      }
      extra={
        canWrite && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => setItemForm({ mode: 'create', parent: i })} data-testid="item-add-child">
              {t('plans.addChildLevel', { level: p.levelLabels[Math.min(i.depth, p.levelLabels.length - 1)] ?? '' })}
            </Button>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setIndicatorForm({ mode: 'create', itemId: i.id, year: p.kind === 'annual' ? p.startYear : year, reportingUnitId: i.leadUnitId })}
              data-testid="indicator-add"
            >
              {t('indicators.add')}
            </Button>
            <Button type="primary" icon={<EditOutlined />} onClick={() => setItemForm({ mode: 'edit', item: i })} data-testid="item-edit">
              {t('common.edit')}
            </Button>
          </>
        )
      }
    >
      <Card title={t('plans.responsibility')} size="small">
        <ItemResponsibility item={i} nameOf={nameOf} />
      </Card>
      <Card title={t('indicators.title', { count: indicators.data?.total ?? i.indicatorCount })} size="small" data-testid="item-indicators">
        {indicators.error ? (
          <Alert type="error" showIcon title={errorText(t, indicators.error)} />
        ) : (
          <IndicatorTable items={indicators.data?.items ?? []} loading={indicators.isPending} />
        )}
      </Card>
      <Row gutter={[token.marginMD, token.marginMD]}>
        <Col xs={24} xl={12}>
          <Card title={t('plans.children', { level: p.levelLabels[Math.min(i.depth, p.levelLabels.length - 1)] ?? '', count: children.length })} size="small" loading={all.isPending}>
            <ItemChildren planId={p.id} items={children} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('plans.history.title')} size="small">
            <ItemHistory itemId={i.id} nameOf={nameOf} />
          </Card>
        </Col>
      </Row>
      {canWrite && (
        <>
          <ItemFormDrawer plan={p} target={itemForm} people={people} onClose={() => setItemForm(null)} />
          <IndicatorFormDrawer target={indicatorForm} onClose={() => setIndicatorForm(null)} onCreated={(ind) => void navigate(`/indicators/${ind.id}`)} />
        </>
      )}
    </PageContainer>
  );
}
