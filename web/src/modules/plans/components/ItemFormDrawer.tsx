import { App, Alert, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PROGRESS_METHODS, type Plan, type PlanItem, type UpdateItemBody } from '@lantu/core';
import { useCreateItem, useUpdateItem } from '../hooks';
import { usePlanError } from '../errors';
import { isApiError } from '../../../api/client';
import { UnitTreeSelect } from '../../units/components/UnitTreeSelect';
import { StrategicItemSelect } from './StrategicItemSelect';

export type ItemFormTarget = { mode: 'create'; parent: PlanItem | null } | { mode: 'edit'; item: PlanItem };

/** A person the form can name as 分管领导 or owner. */
export interface PersonOption {
  id: string;
  name: string;
}

interface Values {
  title: string;
  description?: string;
  leadUnitId?: string | null;
  coUnitIds: string[];
  leaderId?: string | null;
  ownerId?: string | null;
  weight: number;
  startDate?: Dayjs | null;
  dueDate?: Dayjs | null;
  progressMethod: PlanItem['progressMethod'];
  manualProgress?: number | null;
  isPublic: boolean;
  alignedItemIds: string[];
}

const day = (s: string | null) => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const dec = (n: number | null | undefined) => (n === null || n === undefined ? null : String(n));

interface Props {
  plan: Plan;
  target: ItemFormTarget | null;
  /** People already named in this plan (the account list is for administrators only). */
  people: PersonOption[];
  onClose: () => void;
  /** Called with the saved item (the plan page brings a new item into view). */
  onSaved?: (item: PlanItem) => void;
}

/** office: add an item under a parent (or at the top) or change one; field errors come from the API. */
export function ItemFormDrawer(props: Props) {
  const { target } = props;
  const key = !target ? 'closed' : target.mode === 'edit' ? `edit:${target.item.id}` : `create:${target.parent?.id ?? 'top'}`;
  return <ItemFormPanel key={key} {...props} />;
}

function ItemFormPanel({ plan, target, people, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateItem();
  const update = useUpdateItem();
  const showError = usePlanError();
  const editing = target?.mode === 'edit' ? target.item : null;
  const parent = target?.mode === 'create' ? target.parent : null;
  const method = Form.useWatch('progressMethod', form);
  const levelOf = (depth: number) => plan.levelLabels[Math.min(depth, plan.levelLabels.length) - 1] ?? '';
  const newLevel = levelOf(parent ? parent.depth + 1 : 1);

  const initial: Partial<Values> = editing
    ? {
        title: editing.title,
        description: editing.description ?? undefined,
        leadUnitId: editing.leadUnitId,
        coUnitIds: editing.coUnitIds,
        leaderId: editing.leaderId,
        ownerId: editing.ownerId,
        weight: Number(editing.weight),
        startDate: day(editing.startDate),
        dueDate: day(editing.dueDate),
        progressMethod: editing.progressMethod,
        manualProgress: editing.manualProgress === null ? null : Number(editing.manualProgress),
        isPublic: editing.isPublic,
        alignedItemIds: editing.alignedItemIds,
      }
    : {
        coUnitIds: [],
        leadUnitId: parent?.leadUnitId ?? null,
        leaderId: parent?.leaderId ?? null,
        weight: 1,
        startDate: dayjs(`${plan.startYear}-01-01`),
        dueDate: dayjs(`${plan.endYear}-12-31`),
        progressMethod: 'manual',
        isPublic: plan.isPublic,
        alignedItemIds: [],
      };

  const onError = (err: unknown) => {
    showError(err, form);
    if (isApiError(err) && err.code === 'version_conflict') onClose();
  };
  const onFinish = (v: Values) => {
    const fields: Omit<UpdateItemBody, 'version'> = {
      title: v.title.trim(),
      description: v.description?.trim() ? v.description.trim() : null,
      leadUnitId: v.leadUnitId ?? null,
      coUnitIds: v.coUnitIds ?? [],
      leaderId: v.leaderId ?? null,
      ownerId: v.ownerId ?? null,
      weight: String(v.weight),
      startDate: iso(v.startDate),
      dueDate: iso(v.dueDate),
      progressMethod: v.progressMethod,
      manualProgress: v.progressMethod === 'manual' ? dec(v.manualProgress) : null,
      isPublic: v.isPublic,
      ...(plan.kind === 'annual' ? { alignedItemIds: v.alignedItemIds ?? [] } : {}),
    };
    const done = (saved: PlanItem) => {
      void message.success(t('common.saved'));
      onClose();
      onSaved?.(saved);
    };
    if (editing) update.mutate({ id: editing.id, body: { version: editing.version, ...fields } }, { onSuccess: done, onError });
    else create.mutate({ planId: plan.id, body: { parentId: parent?.id ?? null, ...fields, title: fields.title ?? '' } }, { onSuccess: done, onError });
  };

  const title = editing
    ? t('plans.itemForm.editTitle', { code: editing.code })
    : parent
      ? t('plans.itemForm.addChildTitle', { level: newLevel, code: parent.code })
      : t('plans.itemForm.addTopTitle', { level: newLevel });
  const personOptions = people.map((p) => ({ value: p.id, label: p.name }));

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={title}
      size={640}
      destroyOnHidden
      data-testid="item-form"
      extra={
        <Space>
          <Button onClick={onClose} data-testid="item-form-cancel">{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="item-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {parent && <Alert type="info" showIcon title={t('plans.itemForm.under', { code: parent.code, title: parent.title })} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={initial}>
        <Form.Item name="title" label={t('plans.fields.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={300} data-testid="item-title" />
        </Form.Item>
        <Form.Item name="description" label={t('plans.fields.description')}>
          <Input.TextArea rows={3} maxLength={10000} data-testid="item-description" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="leadUnitId" label={t('plans.fields.leadUnitId')}>
              <UnitTreeSelect allowClear data-testid="item-lead-unit" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="coUnitIds" label={t('plans.fields.coUnitIds')}>
              <UnitTreeSelect multiple allowClear maxTagCount="responsive" data-testid="item-co-units" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="leaderId" label={t('plans.fields.leaderId')} extra={t('plans.itemForm.peopleHint')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={personOptions} data-testid="item-leader" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="ownerId" label={t('plans.fields.ownerId')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={personOptions} data-testid="item-owner" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="weight" label={t('plans.fields.weight')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={0} max={1000000} style={{ width: '100%' }} data-testid="item-weight" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="startDate" label={t('plans.fields.startDate')}>
              <DatePicker style={{ width: '100%' }} data-testid="item-start-date" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="dueDate"
              label={t('plans.fields.dueDate')}
              dependencies={['startDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | null | undefined) => {
                    const start = getFieldValue('startDate') as Dayjs | null | undefined;
                    return !v || !start || !v.isBefore(start, 'day') ? Promise.resolve() : Promise.reject(new Error(t('plans.issues.before_start', { limit: iso(start) })));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="item-due-date" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="progressMethod" label={t('plans.fields.progressMethod')} extra={t(`plans.methodHint.${method ?? 'manual'}`)}>
              <Select options={PROGRESS_METHODS.map((m) => ({ value: m, label: t(`plans.method.${m}`) }))} data-testid="item-progress-method" />
            </Form.Item>
          </Col>
          <Col span={12}>
            {method === 'manual' && (
              <Form.Item name="manualProgress" label={t('plans.fields.manualProgress')}>
                <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} data-testid="item-manual-progress" />
              </Form.Item>
            )}
          </Col>
        </Row>
        {plan.kind === 'annual' && (
          <Form.Item name="alignedItemIds" label={t('plans.fields.alignedItemIds')} extra={t('plans.itemForm.alignHint')}>
            <StrategicItemSelect allowClear data-testid="item-aligned" />
          </Form.Item>
        )}
        <Form.Item name="isPublic" label={t('plans.fields.isPublic')} valuePropName="checked">
          <Switch data-testid="item-public" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
