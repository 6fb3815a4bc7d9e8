import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, Modal, Radio, Result, Table, Typography, Upload, theme } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { errorText } from '../../../api/useApiError';
import { templateUrl, type ImportKind, type ProjectImportResult } from '../api';
import { useImportWorkbook } from '../hooks';

/** One problem of a refused workbook, as the API's validation report lists it. */
interface ImportIssue {
  sheet: string;
  row: number;
  column: string;
  field: string;
  issue: string;
  message: string;
}

interface ImportReport {
  errors: ImportIssue[];
  total: number;
  truncated: boolean;
}

function reportOf(err: unknown): ImportReport | null {
  if (!isApiError(err) || err.code !== 'validation_failed') return null;
  const d = err.details as Partial<ImportReport> | undefined;
  return Array.isArray(d?.errors) ? { errors: d.errors, total: d.total ?? d.errors.length, truncated: Boolean(d.truncated) } : null;
}

/** A file that is not a workbook gets its own sentence; other refusals the usual text. */
function refusalText(t: ReturnType<typeof useTranslation>['t'], err: unknown): string {
  const reason = isApiError(err) && err.code === 'unsupported_media_type' ? (err.details as { reason?: unknown } | undefined)?.reason : undefined;
  return reason === 'not_xlsx' || reason === 'unreadable' ? t(`projects.import.${reason}`) : errorText(t, err);
}

interface Props {
  open: boolean;
  /** Kinds this user may import (lead-unit staff: progress only). */
  kinds: ImportKind[];
  onClose: () => void;
}

/** Upload a projects or progress workbook; a refused file lists every problem by sheet, row and column, nothing is saved. */
export function ProjectImportModal({ open, kinds, onClose }: Props) {
  return open ? <ImportPanel kinds={kinds} onClose={onClose} /> : null;
}

function ImportPanel({ kinds, onClose }: { kinds: ImportKind[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? 'progress');
  const [file, setFile] = useState<File | null>(null);
  const run = useImportWorkbook();
  const report = reportOf(run.error);
  const reset = () => {
    run.reset();
    setFile(null);
  };

  return (
    <Modal
      open
      title={t('projects.import.title')}
      onCancel={onClose}
      width={920}
      data-testid="project-import-modal"
      footer={
        <Flex justify="space-between">
          <Button icon={<DownloadOutlined />} href={templateUrl(kind)} data-testid="project-import-template">
            {t('projects.import.template', { kind: t(`projects.import.kind.${kind}`) })}
          </Button>
          <Flex gap={token.marginXS}>
            <Button onClick={onClose} data-testid="project-import-close">{t('projects.import.close')}</Button>
            {run.isSuccess || report ? (
              <Button type="primary" onClick={reset} data-testid="project-import-again">{t('projects.import.again')}</Button>
            ) : (
              <Button type="primary" disabled={!file} loading={run.isPending} onClick={() => file && run.mutate({ kind, file })} data-testid="project-import-submit">
                {t('projects.import.start')}
              </Button>
            )}
          </Flex>
        </Flex>
      }
    >
      {run.isSuccess ? (
        <ImportSuccess result={run.data} kind={kind} fileName={file?.name ?? ''} />
      ) : report ? (
        <ReportView report={report} fileName={file?.name ?? ''} />
      ) : (
        <Flex vertical gap={token.marginMD}>
          {kinds.length > 1 && (
            <Radio.Group
              value={kind}
              onChange={(e) => setKind(e.target.value as ImportKind)}
              optionType="button"
              buttonStyle="solid"
              options={kinds.map((k) => ({ value: k, label: t(`projects.import.kind.${k}`) }))}
              data-testid="project-import-kind"
            />
          )}
          <Typography.Text type="secondary">{t(`projects.import.hint.${kind}`)}</Typography.Text>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            data-testid="project-import-file"
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t('projects.import.drop')}</p>
            <p className="ant-upload-hint">{t('projects.import.dropHint')}</p>
          </Upload.Dragger>
          {run.error && !report && <Alert type="error" showIcon title={refusalText(t, run.error)} data-testid="project-import-error" />}
        </Flex>
      )}
    </Modal>
  );
}

function ImportSuccess({ result, kind, fileName }: { result: ProjectImportResult; kind: ImportKind; fileName: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={t('projects.import.done')}
      subTitle={fileName}
      data-testid="project-import-success"
      extra={
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
      }
    />
  );
}

function ReportView({ report, fileName }: { report: ImportReport; fileName: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={token.marginSM} data-testid="project-import-report">
      <Alert type="error" showIcon title={t('projects.import.refused', { count: report.total })} description={t('projects.import.refusedHint', { file: fileName })} />
      {report.truncated && <Alert type="warning" showIcon title={t('projects.import.truncated', { shown: report.errors.length, total: report.total })} />}
      <Table<ImportIssue & { key: number }>
        size="small"
        bordered
        dataSource={report.errors.map((e, key) => ({ ...e, key }))}
        pagination={{ pageSize: 8, showSizeChanger: false, showTotal: (n) => t('common.total', { count: n }), size: 'small' }}
        scroll={{ x: 760 }}
        onRow={(_, n) => ({ 'data-testid': `project-import-issue-${n ?? 0}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('projects.import.columns.sheet'), dataIndex: 'sheet', width: 110 },
          { title: t('projects.import.columns.row'), dataIndex: 'row', width: 70, align: 'right', render: (r: number) => (r > 0 ? r : '—') },
          { title: t('projects.import.columns.column'), dataIndex: 'column', width: 70, align: 'center', render: (c: string) => c || '—' },
          { title: t('projects.import.columns.message'), dataIndex: 'message' },
        ]}
      />
    </Flex>
  );
}
