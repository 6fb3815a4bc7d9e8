import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Dropdown, Empty, Flex, Typography, theme } from 'antd';
import { DownloadOutlined, EditOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '@lantu/core';
import { hasAnyRole, useCurrentUser } from '../../modules/auth/hooks';
import { useDeleteItem, usePlan, usePlanItems } from '../../modules/plans/hooks';
import { FILTER_KEYS, filtersFromSearch, planExportUrl, planTemplateUrl, type ItemFilters } from '../../modules/plans/api';
import { countByStatus, MAX_ITEM_DEPTH, peopleOf } from '../../modules/plans/tree';
import { usePlanError } from '../../modules/plans/errors';
import { PlanSummary } from '../../modules/plans/components/PlanSummary';
import { ItemFilterBar } from '../../modules/plans/components/ItemFilterBar';
import { ItemTreeTable } from '../../modules/plans/components/ItemTreeTable';
import type { ItemFormTarget } from '../../modules/plans/components/ItemFormDrawer';
import type { PlanFormTarget } from '../../modules/plans/components/PlanFormDrawer';
import { LoadState } from '../../modules/plans/components/LoadState';
import { PreviewBanner, PreviewToggle, usePreviewInUrl } from '../../modules/plans/components/PreviewToggle';
import { errorText } from '../../api/useApiError';
import { WRITERS } from '../../app/access';
import { PageContainer } from '../../ui/PageContainer';
import { Panel } from '../../ui/Panel';

// The office's editors load when first opened: the tree does not wait for forms, date pickers, the
// upload and the schemas behind them, which readers never use.
const ItemFormDrawer = lazy(() => import('../../modules/plans/components/ItemFormDrawer').then((m) => ({ default: m.ItemFormDrawer })));
const MoveItemModal = lazy(() => import('../../modules/plans/components/MoveItemModal').then((m) => ({ default: m.MoveItemModal })));
const ImportModal = lazy(() => import('../../modules/plans/components/ImportModal').then((m) => ({ default: m.ImportModal })));
const PlanFormDrawer = lazy(() => import('../../modules/plans/components/PlanFormDrawer').then((m) => ({ default: m.PlanFormDrawer })));

/** Filters from the URL query (`?status=red&q=项目`), so a filtered view can be shared and survives reload. */
function useFiltersInUrl(): [ItemFilters, (next: ItemFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const set = (next: ItemFilters) => {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k]) p.set(k, next[k]);
    // the preview toggle is not a filter: it stays as the filters change
    const preview = params.get('preview');
    if (preview) p.set('preview', preview);
    setParams(p, { replace: true });
  };
  return [filters, set];
}

/** One plan: its roll-up, the item tree with filters, and the office's tools (items, import, export). */
export default function PlanPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const { planId = '' } = useParams();
  const me = useCurrentUser();
  const canWrite = hasAnyRole(me, WRITERS.plans);
  const [filters, setFilters] = useFiltersInUrl();
  const filtered = Object.keys(filters).length > 0;
  const [preview, setPreview] = usePreviewInUrl();
  const plan = usePlan(planId, preview);
  const all = usePlanItems(planId, {}, preview);
  const view = usePlanItems(planId, filters, preview);
  const remove = useDeleteItem();
  const showError = usePlanError();
  const [itemForm, setItemForm] = useState<ItemFormTarget | null>(null);
  const [moving, setMoving] = useState<PlanItem | null>(null);
  const [importing, setImporting] = useState(false);
  const [planForm, setPlanForm] = useState<PlanFormTarget | null>(null);
  // Mounted from the first opening on, so they keep their closing animations afterwards.
  const [editorsUsed, setEditorsUsed] = useState(false);
  if (!editorsUsed && (itemForm !== null || moving !== null || importing || planForm !== null)) setEditorsUsed(true);
  const [reveal, setReveal] = useState<{ id: string; key: string } | undefined>(undefined);
  const revealItem = (item: PlanItem) => setReveal({ id: item.id, key: `${item.id}:${item.version}` });

  const counts = useMemo(() => (all.data ? countByStatus(all.items) : null), [all.data, all.items]);
  const focusAreas = useMemo(() => all.items.filter((i) => i.parentId === null), [all.items]);
  const people = useMemo(() => peopleOf(all.items), [all.items]);

  if (!plan.data) {
    return <LoadState testId="page-plan" error={plan.error} onRetry={() => void plan.refetch()} backTo="/plans" backLabel={t('plans.backToList')} />;
  }
  const p = plan.data;
  const topLabel = p.levelLabels[0] ?? '';
  const onDelete = (item: PlanItem) =>
    remove.mutate(item.id, {
      onSuccess: () => void message.success(t('plans.deleted', { code: item.code })),
      onError: (err) => showError(err),
    });

  return (
    <PageContainer
      testId="page-plan"
      breadcrumb={<Breadcrumb items={[{ title: <Link to="/plans">{t('common.nav.plans')}</Link> }, { title: p.title }]} />}
      title={<span data-testid="plan-title">{p.title}</span>}
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={planExportUrl(p.id)} data-testid="plan-export">
            {t('common.exportXlsx')}
          </Button>
          {canWrite && (
            <>
              <Dropdown
                trigger={['click']}
                menu={{
                  items: (['items', 'values'] as const).map((k) => ({
                    key: k,
                    label: <a href={planTemplateUrl(p.id, k)} data-testid={`plan-template-${k}`}>{t(`plans.import.kind.${k}`)}</a>,
                  })),
                }}
              >
                <Button icon={<FileExcelOutlined />} data-testid="plan-template">{t('plans.templateDownload')}</Button>
              </Dropdown>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="plan-import">
                {t('plans.import.button')}
              </Button>
              <Button icon={<EditOutlined />} onClick={() => setPlanForm({ mode: 'edit', plan: p })} data-testid="plan-edit">
                {t('plans.editPlan')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setItemForm({ mode: 'create', parent: null })} data-testid="item-add-top">
                {t('plans.addTop', { level: topLabel })}
              </Button>
            </>
          )}
        </>
      }
    >
      <PlanSummary plan={p} asOfDate={me.zone.asOfDate} counts={counts} activeStatus={filters.status} onStatus={(status) => setFilters({ ...filters, status })} />
      <Panel>
        <Flex vertical gap={token.marginMD}>
          <Flex justify="space-between" align="center" wrap gap={token.marginSM}>
            <ItemFilterBar value={filters} onChange={setFilters} focusAreas={focusAreas} focusLabel={topLabel} />
            <Flex gap={token.marginMD} align="center">
              {filtered && view.data && (
                <Typography.Text type="secondary" data-testid="item-match-count">
                  {t('plans.matches', { count: view.data.total })}
                </Typography.Text>
              )}
              <PreviewToggle on={preview !== undefined} onChange={setPreview} />
            </Flex>
          </Flex>
          {preview && <PreviewBanner />}
          {view.error && <Alert type="error" showIcon title={errorText(t, view.error)} data-testid="items-error" />}
          <ItemTreeTable
            planId={p.id}
            tree={view.tree}
            loading={view.isFetching}
            filtered={filtered && !view.isPlaceholderData}
            filterKey={JSON.stringify(filters)}
            reveal={reveal}
            empty={
              !filtered && all.data?.total === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canWrite ? t('plans.emptyPlanOffice') : t('plans.emptyPlan')} data-testid="plan-empty">
                  {canWrite && (
                    <Flex gap={token.marginXS} justify="center">
                      <Button type="primary" icon={<PlusOutlined />} onClick={() => setItemForm({ mode: 'create', parent: null })} data-testid="item-add-first">
                        {t('plans.addTop', { level: topLabel })}
                      </Button>
                      <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="plan-import-first">
                        {t('plans.import.button')}
                      </Button>
                    </Flex>
                  )}
                </Empty>
              ) : undefined
            }
            actions={
              canWrite
                ? { onAddChild: (parent) => setItemForm({ mode: 'create', parent }), onEdit: (item) => setItemForm({ mode: 'edit', item }), onMove: setMoving, onDelete }
                : undefined
            }
          />
        </Flex>
      </Panel>
      {canWrite && editorsUsed && (
        <Suspense fallback={null}>
          <ItemFormDrawer plan={p} target={itemForm} people={people} onClose={() => setItemForm(null)} onSaved={revealItem} />
          <MoveItemModal item={moving} items={all.items} tree={all.tree} maxDepth={MAX_ITEM_DEPTH} onClose={() => setMoving(null)} onMoved={revealItem} />
          <ImportModal planId={p.id} open={importing} onClose={() => setImporting(false)} />
          <PlanFormDrawer target={planForm} onClose={() => setPlanForm(null)} />
        </Suspense>
      )}
    </PageContainer>
  );
}
