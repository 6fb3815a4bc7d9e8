import { App, Button, Col, Divider, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PLAN_KINDS, type Plan } from '@lantu/core';
import { useCreatePlan, useUpdatePlan } from '../hooks';
import { usePlanError } from '../errors';
import { isApiError } from '../../../api/client';
import { ThresholdFields, thresholdsIn, thresholdsOut, type ThresholdValues } from './ThresholdFields';

export type PlanFormTarget = { mode: 'create'; year: number } | { mode: 'edit'; plan: Plan };

interface Values {
  kind: Plan['kind'];
  title: string;
  description?: string;
  startYear: number;
  endYear: number;
  levelLabels: string[];
  status?: Plan['status'];
  isPublic: boolean;
  thresholds: ThresholdValues;
}

const DEFAULT_LABELS: Record<Plan['kind'], string[]> = { strategic: ['定位', '举措'], annual: ['聚焦', '举措', '任务'] };
interface Props {
  target: PlanFormTarget | null;
  onClose: () => void;
}

/** office: create a plan (kind, title, years, level labels, thresholds) or change one. Fresh form per opening. */
export function PlanFormDrawer(props: Props) {
  const { target } = props;
  const key = !target ? 'closed' : target.mode === 'edit' ? `edit:${target.plan.id}` : 'create';
  return <PlanFormPanel key={key} {...props} />;
}

function PlanFormPanel({ target, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const showError = usePlanError();
  const editing = target?.mode === 'edit' ? target.plan : null;
  const year = target?.mode === 'create' ? target.year : new Date().getFullYear();

  const initial: Partial<Values> = editing
    ? {
        kind: editing.kind,
        title: editing.title,
        description: editing.description ?? undefined,
        startYear: editing.startYear,
        endYear: editing.endYear,
        levelLabels: editing.levelLabels,
        status: editing.status,
        isPublic: editing.isPublic,
        thresholds: thresholdsIn(editing.thresholds),
      }
    : { kind: 'annual', startYear: year, endYear: year, levelLabels: DEFAULT_LABELS.annual, isPublic: false, thresholds: {} };

  const onError = (err: unknown) => {
    showError(err, form);
    if (isApiError(err) && err.code === 'version_conflict') onClose();
  };
  const onFinish = (v: Values) => {
    const common = {
      title: v.title.trim(),
      description: v.description?.trim() ? v.description.trim() : null,
      startYear: v.startYear,
      endYear: v.endYear,
      levelLabels: v.levelLabels.map((l) => l.trim()).filter(Boolean),
      thresholds: thresholdsOut(v.thresholds),
      isPublic: v.isPublic,
    };
    if (editing) {
      update.mutate(
        { id: editing.id, body: { version: editing.version, ...common, status: v.status } },
        { onSuccess: () => (void message.success(t('common.saved')), onClose()), onError },
      );
    } else {
      create.mutate(
        { kind: v.kind, ...common },
        {
          onSuccess: (plan) => {
            void message.success(t('plans.created', { title: plan.title }));
            onClose();
            void navigate(`/plans/${plan.id}`);
          },
          onError,
        },
      );
    }
  };

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={editing ? t('plans.form.editTitle') : t('plans.form.createTitle')}
      size={560}
      destroyOnHidden
      data-testid="plan-form"
      extra={
        <Space>
          <Button onClick={onClose} data-testid="plan-form-cancel">{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="plan-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={initial}>
        <Form.Item name="kind" label={t('plans.fields.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group
            disabled={Boolean(editing)}
            optionType="button"
            options={PLAN_KINDS.map((k) => ({ value: k, label: t(`plans.kind.${k}`) }))}
            onChange={(e) => form.setFieldValue('levelLabels', DEFAULT_LABELS[e.target.value as Plan['kind']])}
            data-testid="plan-kind"
          />
        </Form.Item>
        <Form.Item name="title" label={t('plans.fields.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={200} placeholder={t('plans.form.titlePlaceholder')} data-testid="plan-title" />
        </Form.Item>
        <Form.Item name="description" label={t('plans.fields.description')}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="plan-description" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="startYear" label={t('plans.fields.startYear')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="plan-start-year" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="endYear"
              label={t('plans.fields.endYear')}
              dependencies={['startYear']}
              rules={[
                { required: true, message: t('common.required') },
                ({ getFieldValue }) => ({
                  validator: (_, v: number | undefined) =>
                    v === undefined || v >= (getFieldValue('startYear') as number) ? Promise.resolve() : Promise.reject(new Error(t('plans.form.endBeforeStart'))),
                }),
              ]}
            >
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="plan-end-year" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="levelLabels"
          label={t('plans.fields.levelLabels')}
          extra={t('plans.form.levelLabelsHint')}
          rules={[{ required: true, type: 'array', min: 1, max: 6, message: t('plans.form.levelLabelsRule') }]}
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '/', ' ']} data-testid="plan-level-labels" />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label={t('plans.fields.status')}>
            <Radio.Group optionType="button" options={(['draft', 'active', 'archived'] as const).map((s) => ({ value: s, label: t(`plans.planState.${s}`) }))} data-testid="plan-state" />
          </Form.Item>
        )}
        <Form.Item name="isPublic" label={t('plans.fields.isPublic')} valuePropName="checked" extra={t('plans.form.publicHint')}>
          <Switch data-testid="plan-public" />
        </Form.Item>
        <Divider titlePlacement="start" plain>{t('plans.form.thresholds')}</Divider>
        <Typography.Paragraph type="secondary">{t('plans.form.thresholdsHint')}</Typography.Paragraph>
        <ThresholdFields testPrefix="plan" />
      </Form>
    </Drawer>
  );
}
