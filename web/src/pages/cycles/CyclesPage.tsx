import { useState } from 'react';
import { Alert, Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { ReportCycle } from '@lantu/core';
import { useCurrentUser } from '../../modules/auth/hooks';
import { useCycles } from '../../modules/reporting/hooks';
import { isOffice } from '../../modules/reporting/rights';
import { CyclesTable } from '../../modules/reporting/components/CyclesTable';
import { CycleFormModal, type CycleFormTarget } from '../../modules/reporting/components/CycleFormModal';
import { errorText } from '../../api/useApiError';
import { PageContainer } from '../../ui/PageContainer';

/** The month a new cycle is most likely for: the business date's month, else the one after the newest cycle. */
function nextPeriod(asOfDate: string, newest: ReportCycle | undefined): string {
  const current = asOfDate.slice(0, 7);
  if (!newest || newest.period < current) return current;
  return dayjs(`${newest.period}-01`).add(1, 'month').format('YYYY-MM');
}

/** 填报周期: the office's list of monthly cycles with their reports by state; opening a new month. */
export default function CyclesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const cycles = useCycles(page, pageSize);
  const [form, setForm] = useState<CycleFormTarget | null>(null);
  const setPage = (p: number, size: number) => {
    const next = new URLSearchParams();
    if (p > 1) next.set('page', String(p));
    if (size !== 20) next.set('pageSize', String(size));
    setParams(next, { replace: true });
  };

  return (
    <PageContainer
      testId="page-cycles"
      title={t('reporting.nav.cycles')}
      subtitle={t('reporting.cyclesSubtitle', { date: me.zone.asOfDate })}
      extra={
        isOffice(me) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!cycles.data}
            onClick={() => setForm({ mode: 'create', period: nextPeriod(me.zone.asOfDate, page === 1 ? cycles.data?.items[0] : undefined) })}
            data-testid="cycle-open"
          >
            {t('reporting.openCycle')}
          </Button>
        )
      }
    >
      {cycles.error && <Alert type="error" showIcon title={errorText(t, cycles.error)} />}
      <Card>
        <CyclesTable cycles={cycles.data?.items ?? []} total={cycles.data?.total ?? 0} page={page} pageSize={pageSize} loading={cycles.isFetching} onPage={setPage} />
      </Card>
      <CycleFormModal target={form} onClose={() => setForm(null)} onSaved={(c) => void navigate(`/cycles/${c.id}`)} />
    </PageContainer>
  );
}
