import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '@lantu/core';
import { errorText } from '../../../api/useApiError';
import { ImportReportModal } from '../../../ui/ImportReportModal';
import { planTemplateUrl, type ImportKind } from '../api';
import { useImportWorkbook } from '../hooks';
import { planReasonText } from '../errors';

interface Props {
  planId: string;
  open: boolean;
  onClose: () => void;
}

const KINDS: readonly ImportKind[] = ['values', 'items'];

/** office: upload a values or items workbook into the plan; a refused file shows every problem, nothing is saved. */
export function ImportModal({ planId, open, onClose }: Props) {
  return open ? <ImportPanel planId={planId} onClose={onClose} /> : null;
}

/** Mounted while open: each opening starts without the last upload's outcome. */
function ImportPanel({ planId, onClose }: Omit<Props, 'open'>) {
  const { t } = useTranslation();
  const run = useImportWorkbook();
  return (
    <ImportReportModal<ImportKind, ImportResult>
      title={t('plans.import.title')}
      testId="import"
      kinds={KINDS.map((k) => ({
        value: k,
        label: t(`plans.import.kind.${k}`),
        hint: t(`plans.import.hint.${k}`),
        template: { href: planTemplateUrl(planId, k), label: t('plans.import.template', { kind: t(`plans.import.kind.${k}`) }) },
      }))}
      run={run}
      onUpload={(kind, file) => run.mutate({ planId, kind, file })}
      summary={(result, kind) => <ImportSummary result={result} kind={kind} />}
      errorText={(err) => planReasonText(t, err) ?? errorText(t, err)}
      onClose={onClose}
    />
  );
}

function ImportSummary({ result, kind }: { result: ImportResult; kind: ImportKind }) {
  const { t } = useTranslation();
  const row = (k: 'items' | 'indicators' | 'values') => ({
    key: k,
    label: t(`plans.import.counts.${k}`),
    children: t('plans.import.createdUpdated', { created: result.created[k], updated: result.updated[k] }),
  });
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        // only the parts this kind of workbook carries
        ...(kind === 'items' ? [row('items'), row('indicators')] : [row('values')]),
        { key: 'unchanged', label: t('plans.import.unchanged'), children: result.unchanged },
        { key: 'skipped', label: t('plans.import.skipped'), children: result.skipped },
      ]}
    />
  );
}
