import { useMemo, useState } from 'react';
import { Alert, Breadcrumb, Card, Flex, Select, Space, Typography, theme } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROBLEM_STATES, type ProblemState } from '@lantu/core';
import { useCurrentUser } from '../../modules/auth/hooks';
import { useProblems } from '../../modules/projects/hooks';
import { problemRights, staffUnits } from '../../modules/projects/access';
import type { ProblemFilters } from '../../modules/projects/api';
import { ProblemTable } from '../../modules/projects/components/ProblemTable';
import { ProblemActionModal, ProblemFormModal, type ProblemActionTarget, type ProblemFormTarget } from '../../modules/projects/components/ProblemModals';
import { UnitTreeSelect } from '../../modules/units/components/UnitTreeSelect';
import { errorText } from '../../api/useApiError';
import { PageContainer } from '../../ui/PageContainer';

/** `?owner=all` shows every unit's problems; without it unit staff see their own unit's first. */
const ALL = 'all';
const PAGE_SIZE = 20;

function useProblemQueryInUrl(defaultUnit: string | undefined) {
  const [params, setParams] = useSearchParams();
  const owner = params.get('owner');
  const stateParam = params.get('state');
  const filters = useMemo<ProblemFilters>(() => {
    const out: ProblemFilters = {};
    const unit = owner === ALL ? undefined : (owner ?? defaultUnit);
    if (unit) out.ownerUnitId = unit;
    if (stateParam && (PROBLEM_STATES as readonly string[]).includes(stateParam)) out.state = stateParam as ProblemState;
    return out;
  }, [owner, stateParam, defaultUnit]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const set = (next: { owner?: string; state?: ProblemState; page?: number }) => {
    const p = new URLSearchParams();
    const o = 'owner' in next ? next.owner : (owner ?? undefined);
    if (o) p.set('owner', o);
    const s = 'state' in next ? next.state : filters.state;
    if (s) p.set('state', s);
    if (next.page && next.page > 1) p.set('page', String(next.page));
    setParams(p, { replace: true });
  };
  return { filters, page, set };
}

/** 问题清单 across projects: by owner unit and state, overdue ones highlighted, handled where they are listed. */
export default function ProblemsPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const me = useCurrentUser();
  const ownUnit = staffUnits(me)[0];
  const { filters, page, set } = useProblemQueryInUrl(ownUnit);
  const problems = useProblems(filters, page, PAGE_SIZE);
  const [form, setForm] = useState<ProblemFormTarget | null>(null);
  const [action, setAction] = useState<ProblemActionTarget | null>(null);

  return (
    <PageContainer
      testId="page-project-problems"
      breadcrumb={<Breadcrumb items={[{ title: <Link to="/projects">{t('projects.nav')}</Link> }, { title: t('projects.problems.title') }]} />}
      title={t('projects.problems.title')}
      subtitle={t('projects.problems.subtitle')}
    >
      <Card>
        <Flex vertical gap={token.marginMD}>
          <Flex justify="space-between" align="center" wrap gap={token.marginSM}>
            <Space wrap data-testid="problem-filters">
              <UnitTreeSelect
                allowClear
                value={filters.ownerUnitId}
                placeholder={t('projects.problems.allUnits')}
                onChange={(unit) => set({ owner: unit || ALL, page: 1 })}
                style={{ width: 220 }}
                data-testid="problem-filter-owner"
              />
              <Select<ProblemState>
                allowClear
                value={filters.state}
                placeholder={t('projects.problems.allStates')}
                onChange={(state) => set({ state, page: 1 })}
                style={{ width: 140 }}
                options={PROBLEM_STATES.map((s) => ({ value: s, label: t(`projects.problems.state.${s}`) }))}
                data-testid="problem-filter-state"
              />
            </Space>
            {problems.data && (
              <Typography.Text type="secondary" data-testid="problem-count">
                {t('projects.problems.count', { count: problems.data.total })}
              </Typography.Text>
            )}
          </Flex>
          {problems.error && <Alert type="error" showIcon title={errorText(t, problems.error)} data-testid="problems-error" />}
          <ProblemTable
            items={problems.data?.items ?? []}
            loading={problems.isFetching}
            showProject
            rightsOf={(p) => problemRights(me, p, false)}
            onEdit={(problem) => setForm({ mode: 'edit', problem })}
            onAction={(problem, a) => setAction({ problem, action: a })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: problems.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (n) => t('common.total', { count: n }),
              onChange: (next) => set({ page: next }),
            }}
          />
        </Flex>
      </Card>
      <ProblemFormModal target={form} onClose={() => setForm(null)} />
      <ProblemActionModal target={action} onClose={() => setAction(null)} />
    </PageContainer>
  );
}
