import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportImportResult } from '@lantu/core';
import { ImportReportModal } from '../../../ui/ImportReportModal';
import { workbookUrl } from '../api';
import { useImportReport } from '../hooks';
import { reportingErrorText } from '../errors';

interface Props {
  reportId: string;
  open: boolean;
  onClose: () => void;
}

/** The unit uploads its filled-in workbook: all or nothing; a refused file lists every problem by row and column. */
export function ReportImportModal({ reportId, open, onClose }: Props) {
  return open ? <ImportPanel reportId={reportId} onClose={onClose} /> : null;
}

/** Mounted while open: each opening starts without the last upload's outcome. */
function ImportPanel({ reportId, onClose }: Omit<Props, 'open'>) {
  const { t } = useTranslation();
  const run = useImportReport();
  return (
    <ImportReportModal<'report', ReportImportResult>
      title={t('reporting.workbook.title')}
      testId="report-import"
      kinds={[{ value: 'report', label: t('reporting.workbook.title'), hint: t('reporting.workbook.hint'), template: { href: workbookUrl(reportId), label: t('reporting.workbook.download') } }]}
      run={run}
      onUpload={(_, file) => run.mutate({ id: reportId, file })}
      summary={(result) => <Typography.Text>{t('reporting.workbook.counts', { updated: result.updated, unchanged: result.unchanged })}</Typography.Text>}
      errorText={(err) => reportingErrorText(t, err)}
      sheetColumn={false}
      onClose={onClose}
    />
  );
}
