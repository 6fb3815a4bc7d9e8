import { App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { defaultCycleDates, type ReportCycle } from '@lantu/core';
import { useCreateCycle, useUpdateCycle } from '../hooks';
import { useReportingError } from '../errors';
import { periodText } from '../format';
import { testId } from '../../../ui/testId';

/** Open a month (period and dates, defaults filled in) or move an open cycle's dates. */
export type CycleFormTarget = { mode: 'create'; period: string } | { mode: 'edit'; cycle: ReportCycle };

interface Values {
  period?: Dayjs;
  openDate: Dayjs;
  dueDate: Dayjs;
  closeDate: Dayjs;
}

const DAY = 'YYYY-MM-DD';

function datesOf(d: { openDate: string; dueDate: string; closeDate: string }) {
  return { openDate: dayjs(d.openDate), dueDate: dayjs(d.dueDate), closeDate: dayjs(d.closeDate) };
}

export function CycleFormModal({ target, onClose, onSaved }: { target: CycleFormTarget | null; onClose: () => void; onSaved?: (c: ReportCycle) => void }) {
  return target ? <CycleForm target={target} onClose={onClose} onSaved={onSaved} /> : null;
}

function CycleForm({ target, onClose, onSaved }: { target: CycleFormTarget; onClose: () => void; onSaved?: ((c: ReportCycle) => void) | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCycle();
  const update = useUpdateCycle();
  const showError = useReportingError();
  const creating = target.mode === 'create';
  const initial: Values = creating
    ? { period: dayjs(`${target.period}-01`), ...datesOf(defaultCycleDates(target.period)) }
    : datesOf(target.cycle);

  const done = (c: ReportCycle) => {
    void message.success(t(creating ? 'reporting.done.openCycle' : 'reporting.done.updateCycle', { period: periodText(t, c.period) }));
    onSaved?.(c);
    onClose();
  };
  const submit = (v: Values) => {
    const dates = { openDate: v.openDate.format(DAY), dueDate: v.dueDate.format(DAY), closeDate: v.closeDate.format(DAY) };
    if (target.mode === 'create') create.mutate({ period: v.period!.format('YYYY-MM'), ...dates }, { onSuccess: done, onError: (err) => showError(err, form) });
    else update.mutate({ id: target.cycle.id, body: { ...dates, version: target.cycle.version } }, { onSuccess: done, onError: (err) => showError(err, form) });
  };
  const required = [{ required: true, message: t('common.required') }];

  return (
    <Modal
      open
      title={creating ? t('reporting.openCycle') : t('reporting.editDates', { period: periodText(t, target.cycle.period) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={creating ? t('reporting.openCycle') : t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={testId('cycle-form-submit')}
    >
      <Form<Values>
        form={form}
        data-testid="cycle-form"
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          // a new month brings its default dates (1st, 25th, 5th of the next month)
          if (changed.period) form.setFieldsValue(datesOf(defaultCycleDates(changed.period.format('YYYY-MM'))));
        }}
      >
        {creating && (
          <Form.Item name="period" label={t('reporting.fields.period')} rules={required}>
            <DatePicker picker="month" allowClear={false} style={{ width: '100%' }} data-testid="cycle-period" />
          </Form.Item>
        )}
        <Form.Item name="openDate" label={t('reporting.fields.openDate')} rules={required}>
          <DatePicker allowClear={false} style={{ width: '100%' }} data-testid="cycle-open-date" />
        </Form.Item>
        <Form.Item name="dueDate" label={t('reporting.fields.dueDate')} rules={required}>
          <DatePicker allowClear={false} style={{ width: '100%' }} data-testid="cycle-due-date" />
        </Form.Item>
        <Form.Item name="closeDate" label={t('reporting.fields.closeDate')} rules={required} extra={t('reporting.closeDateHint')}>
          <DatePicker allowClear={false} style={{ width: '100%' }} data-testid="cycle-close-date" />
        </Form.Item>
        {creating && <Typography.Text type="secondary">{t('reporting.openCycleHint')}</Typography.Text>}
      </Form>
    </Modal>
  );
}
