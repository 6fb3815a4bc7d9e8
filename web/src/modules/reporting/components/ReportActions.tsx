import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm } from 'antd';
import { CheckOutlined, DownloadOutlined, RollbackOutlined, SendOutlined, UnlockOutlined, UploadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldIssue, ReportDetail } from '@lantu/core';
import { workbookUrl, type SimpleStep } from '../api';
import { useReopenReport, useReportStep } from '../hooks';
import { lineIssuesOf, useReportingError } from '../errors';
import type { ReportRights } from '../rights';
import { settleLineSaves } from '../useLineDraft';
import { testId } from '../../../ui/testId';

interface Props {
  report: ReportDetail;
  rights: ReportRights;
  reviewing: boolean;
  onStartReview: () => void;
  /** A refused submit named these lines. */
  onLineIssues: (issues: Map<string, FieldIssue[]>) => void;
  onImport: () => void;
}

/** The report's buttons, by role and state: submit, approve, return (review mode), accept, reopen; the workbook. */
export function ReportActions({ report, rights, reviewing, onStartReview, onLineIssues, onImport }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useReportStep();
  const showError = useReportingError();
  const [reopening, setReopening] = useState(false);

  const run = async (s: SimpleStep) => {
    // a blur on the way to this button may have started a line save: judge what was typed
    await settleLineSaves();
    step.mutate(
      { id: report.id, step: s, version: report.version },
      {
        onSuccess: () => {
          onLineIssues(new Map());
          void message.success(t(`reporting.done.${s}`));
        },
        onError: (err) => {
          const byLine = lineIssuesOf(err);
          if (byLine.size > 0) {
            onLineIssues(byLine);
            void message.warning(t('reporting.submitRefused', { count: byLine.size }));
          } else showError(err);
        },
      },
    );
  };
  const busy = (s: SimpleStep) => step.isPending && step.variables.step === s;

  return (
    <>
      <Button icon={<DownloadOutlined />} href={workbookUrl(report.id)} data-testid="report-workbook">{t('reporting.workbook.download')}</Button>
      {rights.edit && (
        <Button icon={<UploadOutlined />} onClick={onImport} data-testid="report-import">{t('reporting.workbook.upload')}</Button>
      )}
      {rights.reopen && (
        <Button icon={<UnlockOutlined />} onClick={() => setReopening(true)} data-testid="report-reopen">{t('reporting.actions.reopen')}</Button>
      )}
      {rights.return && !reviewing && (
        <Button danger icon={<RollbackOutlined />} onClick={onStartReview} data-testid="report-return">{t('reporting.actions.return')}</Button>
      )}
      {rights.submit && (
        <Button type="primary" icon={<SendOutlined />} loading={busy('submit')} onClick={() => void run('submit')} data-testid="report-submit">
          {t('reporting.actions.submit')}
        </Button>
      )}
      {rights.approve && !reviewing && (
        <Popconfirm title={t('reporting.confirm.approve')} okText={t('reporting.actions.approve')} cancelText={t('common.cancel')} okButtonProps={testId('report-approve-confirm')} onConfirm={() => void run('approve')}>
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy('approve')} data-testid="report-approve">{t('reporting.actions.approve')}</Button>
        </Popconfirm>
      )}
      {rights.accept && !reviewing && (
        <Popconfirm title={t('reporting.confirm.accept')} description={t('reporting.confirm.acceptHint')} okText={t('reporting.actions.accept')} cancelText={t('common.cancel')} okButtonProps={testId('report-accept-confirm')} onConfirm={() => void run('accept')}>
          <Button type="primary" icon={<CheckOutlined />} loading={busy('accept')} data-testid="report-accept">{t('reporting.actions.accept')}</Button>
        </Popconfirm>
      )}
      <ReopenModal report={report} open={reopening} onClose={() => setReopening(false)} />
    </>
  );
}

/** office: reopen a locked or accepted report, with the reason (audited). */
function ReopenModal({ report, open, onClose }: { report: ReportDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reopen = useReopenReport();
  const showError = useReportingError();
  const submit = (v: { reason: string }) =>
    reopen.mutate(
      { id: report.id, body: { version: report.version, reason: v.reason } },
      {
        onSuccess: () => {
          void message.success(t('reporting.done.reopen'));
          form.resetFields();
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );
  return (
    <Modal
      open={open}
      title={t('reporting.reopenTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('reporting.actions.reopen')}
      cancelText={t('common.cancel')}
      confirmLoading={reopen.isPending}
      okButtonProps={testId('reopen-confirm')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="reopen-form">
        <Form.Item name="reason" label={t('reporting.fields.reason')} extra={t('reporting.reopenHint')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="reopen-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
