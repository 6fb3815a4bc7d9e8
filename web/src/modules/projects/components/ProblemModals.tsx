import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@lantu/core';
import type { ProblemAction } from '../api';
import { useCreateProblem, useProblemAction, useUpdateProblem } from '../hooks';
import { isVersionConflict, useProjectError } from '../errors';
import { UnitTreeSelect } from '../../units/components/UnitTreeSelect';
import { testId } from '../../../ui/testId';

export type ProblemFormTarget = { mode: 'create'; projectId: string } | { mode: 'edit'; problem: Problem };

interface FormValues {
  description: string;
  ownerUnitId: string | null;
  deadline: Dayjs | null;
}

/** A version conflict closes the dialog with a warning (the list reloads); anything else lands on the form. */
function useOnError(onClose: () => void) {
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

/** Raise a problem for a unit to solve (with a deadline), or change one. */
export function ProblemFormModal({ target, onClose }: { target: ProblemFormTarget | null; onClose: () => void }) {
  return target ? <ProblemForm key={target.mode === 'edit' ? target.problem.id : 'new'} target={target} onClose={onClose} /> : null;
}

function ProblemForm({ target, onClose }: { target: ProblemFormTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateProblem();
  const update = useUpdateProblem();
  const onError = useOnError(onClose);
  const editing = target.mode === 'edit' ? target.problem : null;
  const onFinish = (v: FormValues) => {
    const fields = { description: v.description.trim(), ownerUnitId: v.ownerUnitId ?? '', deadline: v.deadline?.format('YYYY-MM-DD') ?? null };
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    if (editing) update.mutate({ id: editing.id, body: { ...fields, version: editing.version } }, { onSuccess: done, onError: (err) => onError(err, form) });
    else if (target.mode === 'create') create.mutate({ projectId: target.projectId, body: fields }, { onSuccess: done, onError: (err) => onError(err, form) });
  };
  return (
    <Modal
      open
      title={editing ? t('projects.problems.editTitle') : t('projects.problems.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={testId('problem-form-submit')}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        data-testid="problem-form"
        onFinish={onFinish}
        initialValues={{ description: editing?.description ?? '', ownerUnitId: editing?.ownerUnitId ?? null, deadline: editing?.deadline ? dayjs(editing.deadline) : null }}
      >
        <Form.Item name="description" label={t('projects.problems.description')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="problem-form-description" />
        </Form.Item>
        <Form.Item name="ownerUnitId" label={t('projects.problems.owner')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitTreeSelect data-testid="problem-form-owner" />
        </Form.Item>
        <Form.Item name="deadline" label={t('projects.problems.deadline')}>
          <DatePicker style={{ width: '100%' }} data-testid="problem-form-deadline" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export interface ProblemActionTarget {
  problem: Problem;
  action: ProblemAction;
}

/** Resolve (saying what was done), close or reopen a problem, with an optional text. */
export function ProblemActionModal({ target, onClose }: { target: ProblemActionTarget | null; onClose: () => void }) {
  return target ? <ActionForm key={`${target.problem.id}:${target.action}`} target={target} onClose={onClose} /> : null;
}

function ActionForm({ target, onClose }: { target: ProblemActionTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const run = useProblemAction();
  const onError = useOnError(onClose);
  const { problem, action } = target;
  const onFinish = (v: { text: string }) =>
    run.mutate(
      { id: problem.id, action, body: { text: v.text?.trim() || null, version: problem.version } },
      {
        onSuccess: () => {
          void message.success(t(`projects.problems.done.${action}`));
          onClose();
        },
        onError: (err) => onError(err, form),
      },
    );
  return (
    <Modal
      open
      title={t(`projects.problems.actions.${action}`)}
      okText={t(`projects.problems.actions.${action}`)}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={run.isPending}
      okButtonProps={testId('problem-action-submit')}
    >
      <p>{problem.description}</p>
      <Form form={form} layout="vertical" initialValues={{ text: '' }} onFinish={onFinish} data-testid="problem-action-form">
        <Form.Item
          name="text"
          label={t(`projects.problems.actionText.${action}`)}
          rules={action === 'resolve' ? [{ required: true, whitespace: true, message: t('common.required') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="problem-action-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
