import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectImportResult } from '@lantu/core';
import { errorText } from '../../../api/useApiError';
import { ImportReportModal } from '../../../ui/ImportReportModal';
import { templateUrl, type ImportKind } from '../api';
import { useImportWorkbook } from '../hooks';

interface Props {
  open: boolean;
  /** Kinds this user may import (lead-unit staff: progress only). */
  kinds: ImportKind[];
  onClose: () => void;
}

/** Upload a projects or progress workbook; a refused file lists every problem by sheet, row and column, nothing is saved. */
export function ProjectImportModal({ open, kinds, onClose }: Props) {
  return open && kinds.length > 0 ? <ImportPanel kinds={kinds} onClose={onClose} /> : null;
}

/** Mounted while open: each opening starts without the last upload's outcome. */
function ImportPanel({ kinds, onClose }: Omit<Props, 'open'>) {
  const { t } = useTranslation();
  const run = useImportWorkbook();
  return (
    <ImportReportModal<ImportKind, ProjectImportResult>
      title={t('projects.import.title')}
      testId="project-import"
      kinds={kinds.map((k) => ({
        value: k,
        label: t(`projects.import.kind.${k}`),
        hint: t(`projects.import.hint.${k}`),
        template: { href: templateUrl(k), label: t('projects.import.template', { kind: t(`projects.import.kind.${k}`) }) },
      }))}
      run={run}
      onUpload={(kind, file) => run.mutate({ kind, file })}
      summary={(result, kind) => (
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'rows', label: t(`projects.import.counts.${kind}`), children: t('projects.import.createdUpdated', { created: result.created, updated: result.updated }) },
            { key: 'unchanged', label: t('projects.import.unchanged'), children: result.unchanged },
            { key: 'skipped', label: t('projects.import.skipped'), children: result.skipped },
          ]}
        />
      )}
      errorText={(err) => errorText(t, err)}
      onClose={onClose}
    />
  );
}
