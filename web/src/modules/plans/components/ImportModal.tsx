import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, Modal, Radio, Result, Table, Typography, Upload, theme } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { errorText } from '../../../api/useApiError';
import { planTemplateUrl, type ImportIssue, type ImportKind, type ImportReport, type ImportResult } from '../api';
import { useImportWorkbook } from '../hooks';
import { planReasonText } from '../errors';

/**
 * The problem without its location prefix ("月度数据 第 3 行 C 列：…" / "Monthly values row 3, column C: …"),
 * which the table already shows in its own columns; unchanged when it has no such prefix.
 */
function problemText(issue: ImportIssue): string {
  if (issue.row <= 0 || !issue.message.startsWith(issue.sheet)) return issue.message;
  const cut = issue.message.search(/：|: /);
  return cut > 0 ? issue.message.slice(cut + (issue.message[cut] === '：' ? 1 : 2)) : issue.message;
}

/** The validation report of a refused workbook, when the error carries one. */
function reportOf(err: unknown): ImportReport | null {
  if (!isApiError(err) || err.code !== 'validation_failed') return null;
  const d = err.details as Partial<ImportReport> | undefined;
  return Array.isArray(d?.errors) ? { errors: d.errors, total: d.total ?? d.errors.length, truncated: Boolean(d.truncated) } : null;
}

interface Props {
  planId: string;
  open: boolean;
  onClose: () => void;
}

/** office: upload a workbook; a refused file shows every problem by sheet, row and column, nothing is saved. */
export function ImportModal({ planId, open, onClose }: Props) {
  return open ? <ImportPanel planId={planId} onClose={onClose} /> : null;
}

function ImportPanel({ planId, onClose }: { planId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [kind, setKind] = useState<ImportKind>('values');
  const [file, setFile] = useState<File | null>(null);
  const run = useImportWorkbook();
  const report = reportOf(run.error);

  const start = () => {
    if (file) run.mutate({ planId, kind, file });
  };
  const reset = () => {
    run.reset();
    setFile(null);
  };

  return (
    <Modal
      open
      title={t('plans.import.title')}
      onCancel={onClose}
      width={920}
      data-testid="import-modal"
      footer={
        <Flex justify="space-between">
          <Button icon={<DownloadOutlined />} href={planTemplateUrl(planId, kind)} data-testid="import-template">
            {t('plans.import.template', { kind: t(`plans.import.kind.${kind}`) })}
          </Button>
          <Flex gap={token.marginXS}>
            <Button onClick={onClose} data-testid="import-close">{t('plans.import.close')}</Button>
            {run.isSuccess || report ? (
              <Button type="primary" onClick={reset} data-testid="import-again">{t('plans.import.again')}</Button>
            ) : (
              <Button type="primary" disabled={!file} loading={run.isPending} onClick={start} data-testid="import-submit">
                {t('plans.import.start')}
              </Button>
            )}
          </Flex>
        </Flex>
      }
    >
      {run.isSuccess ? (
        <ImportSuccess result={run.data} kind={kind} fileName={file?.name ?? ''} />
      ) : report ? (
        <ImportReportView report={report} fileName={file?.name ?? ''} />
      ) : (
        <Flex vertical gap={token.marginMD}>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value as ImportKind)}
            optionType="button"
            buttonStyle="solid"
            options={(['values', 'items'] as const).map((k) => ({ value: k, label: t(`plans.import.kind.${k}`) }))}
            data-testid="import-kind"
          />
          <Typography.Text type="secondary">{t(`plans.import.hint.${kind}`)}</Typography.Text>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('plans.import.drop')}</p>
            <p className="ant-upload-hint">{t('plans.import.dropHint')}</p>
          </Upload.Dragger>
          {run.error && !report && (
            <Alert type="error" showIcon title={planReasonText(t, run.error) ?? errorText(t, run.error)} data-testid="import-error" />
          )}
        </Flex>
      )}
    </Modal>
  );
}

function ImportSuccess({ result, kind, fileName }: { result: ImportResult; kind: ImportKind; fileName: string }) {
  const { t } = useTranslation();
  const row = (k: 'items' | 'indicators' | 'values') => ({
    key: k,
    label: t(`plans.import.counts.${k}`),
    children: t('plans.import.createdUpdated', { created: result.created[k], updated: result.updated[k] }),
  });
  return (
    <Result
      status="success"
      title={t('plans.import.done')}
      subTitle={fileName}
      data-testid="import-success"
      extra={
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
      }
    />
  );
}

function ImportReportView({ report, fileName }: { report: ImportReport; fileName: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={token.marginSM} data-testid="import-report">
      <Alert
        type="error"
        showIcon
        title={t('plans.import.refused', { count: report.total })}
        description={t('plans.import.refusedHint', { file: fileName })}
      />
      {report.truncated && <Alert type="warning" showIcon title={t('plans.import.truncated', { shown: report.errors.length, total: report.total })} />}
      <Table<ImportIssue & { key: number }>
        size="small"
        bordered
        dataSource={report.errors.map((e, key) => ({ ...e, key }))}
        pagination={{ pageSize: 8, showSizeChanger: false, showTotal: (n) => t('common.total', { count: n }), size: 'small' }}
        scroll={{ x: 760 }}
        data-testid="import-report-table"
        onRow={(_, n) => ({ 'data-testid': `import-issue-${n ?? 0}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('plans.import.columns.sheet'), dataIndex: 'sheet', width: 110 },
          { title: t('plans.import.columns.row'), dataIndex: 'row', width: 70, align: 'right', render: (r: number) => (r > 0 ? r : '—') },
          { title: t('plans.import.columns.column'), dataIndex: 'column', width: 70, align: 'center', render: (c: string) => c || '—' },
          { title: t('plans.import.columns.message'), dataIndex: 'message', render: (_: string, issue) => problemText(issue) },
        ]}
      />
    </Flex>
  );
}
