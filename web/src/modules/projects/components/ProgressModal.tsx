import { Alert, App, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Project, ProjectProgress } from '@lantu/core';
import { usePutProgress } from '../hooks';
import { isVersionConflict, useProjectError } from '../errors';
import { useMoney } from '../format';
import { testId } from '../../../ui/testId';

/** Which month to record: a new one (null) or an existing row to correct. */
export type ProgressTarget = { period: string | null };

interface Values {
  period: Dayjs | null;
  completedInvestment: number | null;
  imageProgress: string | null;
  note: string | null;
}

interface Props {
  project: Project;
  rows: ProjectProgress[];
  target: ProgressTarget | null;
  asOfDate: string;
  onClose: () => void;
}

/** Record or correct one month's progress; the API checks the cumulative against the total investment. */
export function ProgressModal(props: Props) {
  return props.target ? <ProgressPanel key={props.target.period ?? 'new'} {...props} target={props.target} /> : null;
}

function ProgressPanel({ project, rows, target, asOfDate, onClose }: Props & { target: ProgressTarget }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useMoney();
  const [form] = Form.useForm<Values>();
  const put = usePutProgress();
  const showError = useProjectError();
  const asOfMonth = dayjs(asOfDate).startOf('month');
  const chosen = Form.useWatch('period', form);
  const period = chosen?.format('YYYY-MM') ?? target.period;
  const existing = rows.find((r) => r.period === period) ?? null;
  // what is already counted without this month: the room left under the total
  const otherMonths = rows.reduce((sum, r) => (r.period === period ? sum : sum + r.completedInvestment), 0);
  const room = Math.max(0, project.totalInvestment - otherMonths);
  const initial = rows.find((r) => r.period === target.period);

  const onFinish = (v: Values) => {
    const p = v.period?.format('YYYY-MM');
    if (!p) return;
    const body = {
      completedInvestment: v.completedInvestment ?? 0,
      imageProgress: v.imageProgress?.trim() || null,
      note: v.note?.trim() || null,
      ...(existing ? { version: existing.version } : {}),
    };
    put.mutate(
      { projectId: project.id, period: p, body },
      {
        onSuccess: () => {
          void message.success(t('projects.progress.saved', { period: p }));
          onClose();
        },
        onError: (err) => {
          if (isVersionConflict(err)) {
            void message.warning(t('projects.versionConflict'));
            onClose();
          } else showError(err, form);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={target.period ? t('projects.progress.editTitle', { period: target.period }) : t('projects.progress.recordTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={put.isPending}
      okButtonProps={testId('progress-submit')}
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="progress-form"
        onFinish={onFinish}
        initialValues={{
          period: target.period ? dayjs(`${target.period}-01`) : asOfMonth.subtract(1, 'month'),
          completedInvestment: initial?.completedInvestment ?? null,
          imageProgress: initial?.imageProgress ?? null,
          note: initial?.note ?? null,
        }}
      >
        <Form.Item name="period" label={t('projects.progress.period')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker picker="month" disabled={Boolean(target.period)} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(asOfMonth, 'month')} data-testid="progress-period" />
        </Form.Item>
        {existing && !target.period && <Alert type="info" showIcon title={t('projects.progress.overwrites', { period })} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="completedInvestment"
          label={t('projects.progress.completed')}
          rules={[{ required: true, message: t('common.required') }]}
          extra={t('projects.progress.room', { total: m.money(project.totalInvestment), done: m.money(otherMonths), room: m.money(room) })}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} suffix={t('projects.money.wanUnit')} data-testid="progress-completed" />
        </Form.Item>
        <Form.Item name="imageProgress" label={t('projects.progress.imageProgress')}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('projects.progress.imageProgressHint')} data-testid="progress-image" />
        </Form.Item>
        <Form.Item name="note" label={t('projects.progress.note')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="progress-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
