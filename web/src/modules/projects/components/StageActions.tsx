import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal } from 'antd';
import { RollbackOutlined, StepForwardOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { nextStage, previousStage, type Project } from '@lantu/core';
import { useAdvanceStage, useRevertStage } from '../hooks';
import { isVersionConflict, useProjectError } from '../errors';
import { testId } from '../../../ui/testId';

interface Props {
  project: Project;
  canAdvance: boolean;
  canRevert: boolean;
  asOfDate: string;
}

/** Stage moves as explicit acts: advance to the next stage on a date, or (office) step back with a reason. */
export function StageActions({ project, canAdvance, canRevert, asOfDate }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'advance' | 'revert' | null>(null);
  const next = nextStage(project.stage);
  const previous = previousStage(project.stage);
  return (
    <>
      {canAdvance && next && (
        <Button type="primary" icon={<StepForwardOutlined />} onClick={() => setOpen('advance')} data-testid="project-advance">
          {t('projects.advance.button', { stage: t(`projects.stage.${next}`) })}
        </Button>
      )}
      {canRevert && previous && (
        <Button icon={<RollbackOutlined />} onClick={() => setOpen('revert')} data-testid="project-revert">
          {t('projects.revert.button')}
        </Button>
      )}
      {open === 'advance' && <AdvanceModal project={project} asOfDate={asOfDate} onClose={() => setOpen(null)} />}
      {open === 'revert' && <RevertModal project={project} onClose={() => setOpen(null)} />}
    </>
  );
}

function useConflictAware(onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useProjectError();
  return (err: unknown, form: Parameters<typeof showError>[1]) => {
    if (isVersionConflict(err)) {
      void message.warning(t('projects.versionConflict'));
      onClose();
    } else showError(err, form);
  };
}

function AdvanceModal({ project, asOfDate, onClose }: { project: Project; asOfDate: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs | null; note: string | null }>();
  const advance = useAdvanceStage();
  const onError = useConflictAware(onClose);
  const next = nextStage(project.stage);
  if (!next) return null;
  const planned = project.milestones.find((m) => m.stage === next)?.plannedDate ?? null;
  const nextLabel = t(`projects.stage.${next}`);
  const onFinish = (v: { date: Dayjs | null; note: string | null }) =>
    advance.mutate(
      { id: project.id, body: { stage: next, date: v.date?.format('YYYY-MM-DD') ?? '', note: v.note?.trim() || null, version: project.version } },
      {
        onSuccess: () => {
          void message.success(t('projects.advance.done', { stage: nextLabel }));
          onClose();
        },
        onError: (err) => onError(err, form),
      },
    );
  return (
    <Modal
      open
      title={t('projects.advance.title', { stage: nextLabel })}
      okText={t('projects.advance.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={advance.isPending}
      okButtonProps={testId('project-advance-submit')}
      data-testid="project-advance-modal"
    >
      <Alert type="info" showIcon title={planned ? t('projects.advance.planned', { date: planned }) : t('projects.advance.unplanned')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(asOfDate), note: null }} onFinish={onFinish} data-testid="project-advance-form">
        <Form.Item name="date" label={t('projects.advance.date')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(asOfDate), 'day')} data-testid="project-advance-date" />
        </Form.Item>
        <Form.Item name="note" label={t('projects.advance.note')}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="project-advance-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RevertModal({ project, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const revert = useRevertStage();
  const onError = useConflictAware(onClose);
  const previous = previousStage(project.stage);
  if (!previous) return null;
  const onFinish = (v: { reason: string }) =>
    revert.mutate(
      { id: project.id, body: { reason: v.reason.trim(), version: project.version } },
      {
        onSuccess: () => {
          void message.success(t('projects.revert.done', { stage: t(`projects.stage.${previous}`) }));
          onClose();
        },
        onError: (err) => onError(err, form),
      },
    );
  return (
    <Modal
      open
      title={t('projects.revert.title', { from: t(`projects.stage.${project.stage}`), to: t(`projects.stage.${previous}`) })}
      okText={t('projects.revert.ok')}
      okButtonProps={{ danger: true, ...testId('project-revert-submit') }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={revert.isPending}
      data-testid="project-revert-modal"
    >
      <Form form={form} layout="vertical" initialValues={{ reason: '' }} onFinish={onFinish} data-testid="project-revert-form">
        <Form.Item name="reason" label={t('projects.revert.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="project-revert-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
