import { useState } from 'react';
import { Alert, Button, Flex, Modal, Result, Table, Typography, Upload, theme } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { workbookUrl } from '../api';
import { useImportReport } from '../hooks';
import { reportingErrorText } from '../errors';

/** One problem of a refused workbook, as the API's validation report lists it. */
interface RowIssue {
  sheet: string;
  row: number;
  column: string;
  field: string;
  issue: string;
  message: string;
}

function rowReportOf(err: unknown): { errors: RowIssue[]; total: number; truncated: boolean } | null {
  if (!isApiError(err) || err.code !== 'validation_failed') return null;
  const d = err.details as { errors?: RowIssue[]; total?: number; truncated?: boolean } | undefined;
  return Array.isArray(d?.errors) ? { errors: d.errors, total: d.total ?? d.errors.length, truncated: Boolean(d.truncated) } : null;
}

/** The unit uploads its filled-in workbook: all or nothing; a refused file lists every problem by row and column. */
export function ReportImportModal({ reportId, open, onClose }: { reportId: string; open: boolean; onClose: () => void }) {
  return open ? <ImportPanel reportId={reportId} onClose={onClose} /> : null;
}

function ImportPanel({ reportId, onClose }: { reportId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [file, setFile] = useState<File | null>(null);
  const run = useImportReport();
  const report = rowReportOf(run.error);
  const reset = () => {
    run.reset();
    setFile(null);
  };
  return (
    <Modal
      open
      width={880}
      title={t('reporting.workbook.title')}
      onCancel={onClose}
      footer={
        <Flex justify="space-between">
          <Button icon={<DownloadOutlined />} href={workbookUrl(reportId)}>{t('reporting.workbook.download')}</Button>
          <Flex gap={token.marginXS}>
            <Button onClick={onClose} data-testid="report-import-close">{t('reporting.workbook.close')}</Button>
            {run.isSuccess || report ? (
              <Button type="primary" onClick={reset}>{t('reporting.workbook.again')}</Button>
            ) : (
              <Button type="primary" disabled={!file} loading={run.isPending} onClick={() => file && run.mutate({ id: reportId, file })} data-testid="report-import-submit">
                {t('reporting.workbook.start')}
              </Button>
            )}
          </Flex>
        </Flex>
      }
    >
      <div data-testid="report-import-modal">
      {run.isSuccess ? (
        <Result status="success" title={t('reporting.workbook.done')} subTitle={t('reporting.workbook.counts', { updated: run.data.updated, unchanged: run.data.unchanged })} data-testid="report-import-success" />
      ) : report ? (
        <Flex vertical gap={token.marginSM} data-testid="report-import-report">
          <Alert type="error" showIcon title={t('reporting.workbook.refused', { count: report.total })} description={t('reporting.workbook.refusedHint', { file: file?.name ?? '' })} />
          {report.truncated && <Alert type="warning" showIcon title={t('reporting.workbook.truncated', { shown: report.errors.length, total: report.total })} />}
          <Table<RowIssue & { key: number }>
            size="small"
            bordered
            dataSource={report.errors.map((e, key) => ({ ...e, key }))}
            pagination={{ pageSize: 8, showSizeChanger: false, size: 'small' }}
            columns={[
              { title: t('reporting.workbook.row'), dataIndex: 'row', width: 70, align: 'right', render: (r: number) => (r > 0 ? r : '—') },
              { title: t('reporting.workbook.column'), dataIndex: 'column', width: 70, align: 'center', render: (c: string) => c || '—' },
              { title: t('reporting.workbook.message'), dataIndex: 'message' },
            ]}
          />
        </Flex>
      ) : (
        <Flex vertical gap={token.marginMD}>
          <Typography.Text type="secondary">{t('reporting.workbook.hint')}</Typography.Text>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            data-testid="report-import-file"
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t('reporting.workbook.drop')}</p>
          </Upload.Dragger>
          {run.error && !report && <Alert type="error" showIcon title={reportingErrorText(t, run.error)} />}
        </Flex>
      )}
      </div>
    </Modal>
  );
}
