import { type ReactNode, useState } from 'react';
import { Alert, Button, Flex, Modal, Radio, Result, Table, Typography, Upload, theme } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportIssue, ImportReport } from '@lantu/core';
import { isApiError } from '../api/client';

/** One kind of workbook the modal takes: its name, what to fill in, and its template to download. */
export interface ImportKindOption<K extends string> {
  value: K;
  label: string;
  hint: string;
  template: { href: string; label: string };
}

/** The upload as the module's mutation hook runs it (it knows the URL and what to refresh afterwards). */
export interface ImportRun<R> {
  isPending: boolean;
  isSuccess: boolean;
  data: R | undefined;
  error: unknown;
  reset: () => void;
}

interface Props<K extends string, R> {
  title: string;
  /** Prefix of the test ids: `<prefix>-modal`, `-file`, `-submit`, `-report`, `-issue-<n>`, `-success`, … */
  testId: string;
  /** At least one; a choice is offered when there are several. */
  kinds: readonly ImportKindOption<K>[];
  run: ImportRun<R>;
  onUpload: (kind: K, file: File) => void;
  /** What a successful upload saved, below the success title. */
  summary: (result: R, kind: K) => ReactNode;
  /** The text of a refusal that is not a row report (the module's wording of its reasons). */
  errorText: (err: unknown) => string;
  /** The report names the sheet of each problem (workbooks of several sheets). */
  sheetColumn?: boolean;
  onClose: () => void;
}

/** The row report of a refused workbook, when the error carries one (`validation_failed` with errors). */
export function importReportOf(err: unknown): ImportReport | null {
  if (!isApiError(err) || err.code !== 'validation_failed') return null;
  const d = err.details as Partial<ImportReport> | undefined;
  return Array.isArray(d?.errors) ? { ok: false, errors: d.errors, total: d.total ?? d.errors.length, truncated: Boolean(d.truncated) } : null;
}

/**
 * The problem without its location prefix ("月度数据 第 3 行 C 列：…" / "Monthly values row 3, column C: …"),
 * which the table already shows in its own columns; unchanged when it has no such prefix.
 */
function problemText(issue: ImportIssue): string {
  if (issue.row <= 0 || !issue.message.startsWith(issue.sheet)) return issue.message;
  const cut = issue.message.search(/：|: /);
  return cut > 0 ? issue.message.slice(cut + (issue.message[cut] === '：' ? 1 : 2)) : issue.message;
}

/**
 * Upload an Excel workbook, all or nothing: a refused file lists every problem by sheet, row and
 * column, and nothing is saved; an accepted one shows what it saved. Mounted while open, so it
 * starts empty each time.
 */
export function ImportReportModal<K extends string, R>(props: Props<K, R>) {
  const { title, testId, kinds, run, onUpload, summary, errorText, sheetColumn = true, onClose } = props;
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [kind, setKind] = useState<K>(kinds[0]!.value);
  const [file, setFile] = useState<File | null>(null);
  const report = importReportOf(run.error);
  const chosen = kinds.find((k) => k.value === kind) ?? kinds[0]!;
  const reset = () => {
    run.reset();
    setFile(null);
  };
  const refusal = (err: unknown) => {
    const reason = isApiError(err) && err.code === 'unsupported_media_type' ? (err.details as { reason?: unknown } | undefined)?.reason : undefined;
    return reason === 'not_xlsx' || reason === 'unreadable' ? t(`common.import.${reason}`) : errorText(err);
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      width={920}
      footer={
        <Flex justify="space-between">
          <Button icon={<DownloadOutlined />} href={chosen.template.href} data-testid={`${testId}-template`}>
            {chosen.template.label}
          </Button>
          <Flex gap={token.marginXS}>
            <Button onClick={onClose} data-testid={`${testId}-close`}>{t('common.import.close')}</Button>
            {run.isSuccess || report ? (
              <Button type="primary" onClick={reset} data-testid={`${testId}-again`}>{t('common.import.again')}</Button>
            ) : (
              <Button type="primary" disabled={!file} loading={run.isPending} onClick={() => file && onUpload(kind, file)} data-testid={`${testId}-submit`}>
                {t('common.import.start')}
              </Button>
            )}
          </Flex>
        </Flex>
      }
    >
      <div data-testid={`${testId}-modal`}>
        {run.isSuccess && run.data !== undefined ? (
          <Result status="success" title={t('common.import.done')} subTitle={file?.name} data-testid={`${testId}-success`} extra={summary(run.data, kind)} />
        ) : report ? (
          <ReportView report={report} fileName={file?.name ?? ''} testId={testId} sheetColumn={sheetColumn} />
        ) : (
          <Flex vertical gap={token.marginMD}>
            {kinds.length > 1 && (
              <Radio.Group
                value={kind}
                onChange={(e) => setKind(e.target.value as K)}
                optionType="button"
                buttonStyle="solid"
                options={kinds.map((k) => ({ value: k.value, label: k.label }))}
                data-testid={`${testId}-kind`}
              />
            )}
            <Typography.Text type="secondary">{chosen.hint}</Typography.Text>
            <FileDrop file={file} onFile={setFile} testId={testId} />
            {run.error !== null && run.error !== undefined && !report && <Alert type="error" showIcon title={refusal(run.error)} data-testid={`${testId}-error`} />}
          </Flex>
        )}
      </div>
    </Modal>
  );
}

/** One .xlsx, kept in the browser until the upload starts. */
function FileDrop({ file, onFile, testId }: { file: File | null; onFile: (f: File | null) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Upload.Dragger
      accept=".xlsx"
      maxCount={1}
      beforeUpload={(f) => {
        onFile(f);
        return false;
      }}
      onRemove={() => onFile(null)}
      fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
      data-testid={`${testId}-file`}
    >
      <p className="ant-upload-drag-icon"><InboxOutlined /></p>
      <p className="ant-upload-text">{t('common.import.drop')}</p>
      <p className="ant-upload-hint">{t('common.import.dropHint')}</p>
    </Upload.Dragger>
  );
}

function ReportView({ report, fileName, testId, sheetColumn }: { report: ImportReport; fileName: string; testId: string; sheetColumn: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={token.marginSM} data-testid={`${testId}-report`}>
      <Alert type="error" showIcon title={t('common.import.refused', { count: report.total })} description={t('common.import.refusedHint', { file: fileName })} />
      {report.truncated && <Alert type="warning" showIcon title={t('common.import.truncated', { shown: report.errors.length, total: report.total })} />}
      <Table<ImportIssue & { key: number }>
        size="small"
        bordered
        dataSource={report.errors.map((e, key) => ({ ...e, key }))}
        pagination={{ pageSize: 8, showSizeChanger: false, showTotal: (n) => t('common.total', { count: n }), size: 'small' }}
        scroll={{ x: 760 }}
        data-testid={`${testId}-report-table`}
        onRow={(_, n) => ({ 'data-testid': `${testId}-issue-${n ?? 0}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          ...(sheetColumn ? [{ title: t('common.import.columns.sheet'), dataIndex: 'sheet', width: 110 }] : []),
          { title: t('common.import.columns.row'), dataIndex: 'row', width: 70, align: 'right', render: (r: number) => (r > 0 ? r : '—') },
          { title: t('common.import.columns.column'), dataIndex: 'column', width: 70, align: 'center', render: (c: string) => c || '—' },
          { title: t('common.import.columns.message'), dataIndex: 'message', render: (_: string, issue: ImportIssue) => problemText(issue) },
        ]}
      />
    </Flex>
  );
}
