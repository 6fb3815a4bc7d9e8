import { App, Button, Checkbox, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PROJECT_BATCHES, PROJECT_CATEGORIES, PROJECT_STAGES, type CreateProjectBody, type Project, type ProjectBatch, type ProjectCategory, type ProjectStage } from '@lantu/core';
import { useCreateProject, useUpdateProject } from '../hooks';
import { isVersionConflict, useProjectError } from '../errors';
import { UnitTreeSelect } from '../../units/components/UnitTreeSelect';
import { testId } from '../../../ui/testId';

export type ProjectFormTarget = { mode: 'create' } | { mode: 'edit'; project: Project };

/** A person the form can name as 分管领导. */
export interface PersonOption {
  id: string;
  name: string;
}

interface Values {
  code: string;
  name: string;
  category: ProjectCategory;
  enterprise: string | null;
  description: string | null;
  leadUnitId: string | null;
  leaderId: string | null;
  year: number;
  totalInvestment: number | null;
  annualInvestment: number | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  batches: ProjectBatch[];
  isPublic: boolean;
  plannedDates: Partial<Record<ProjectStage, Dayjs | null>>;
}

interface Props {
  target: ProjectFormTarget | null;
  /** People already named as 分管领导 in the registry (the account list is for administrators). */
  people: PersonOption[];
  asOfYear: number;
  onClose: () => void;
  onSaved?: (project: Project) => void;
}

const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

function initialValues(target: ProjectFormTarget, asOfYear: number): Values {
  if (target.mode === 'create') {
    return {
      code: '', name: '', category: 'industry', enterprise: null, description: null, leadUnitId: null, leaderId: null,
      year: asOfYear, totalInvestment: null, annualInvestment: null, lat: null, lng: null, address: null,
      batches: [], isPublic: false, plannedDates: Object.fromEntries(PROJECT_STAGES.map((s) => [s, null])),
    };
  }
  const p = target.project;
  return {
    code: p.code, name: p.name, category: p.category, enterprise: p.enterprise, description: p.description,
    leadUnitId: p.leadUnitId, leaderId: p.leaderId, year: p.year, totalInvestment: p.totalInvestment,
    annualInvestment: p.annualInvestment, lat: p.lat, lng: p.lng, address: p.address, batches: p.batches, isPublic: p.isPublic,
    plannedDates: Object.fromEntries(PROJECT_STAGES.map((s) => {
      const planned = p.milestones.find((m) => m.stage === s)?.plannedDate;
      return [s, planned ? dayjs(planned) : null];
    })),
  };
}

function bodyOf(v: Values): CreateProjectBody {
  return {
    code: v.code.trim(), name: v.name.trim(), category: v.category, enterprise: text(v.enterprise), description: text(v.description),
    leadUnitId: v.leadUnitId ?? null, leaderId: v.leaderId ?? null, year: v.year,
    totalInvestment: v.totalInvestment ?? 0, annualInvestment: v.annualInvestment ?? 0,
    lat: v.lat ?? null, lng: v.lng ?? null, address: text(v.address), batches: v.batches ?? [], isPublic: v.isPublic,
    plannedDates: Object.fromEntries(PROJECT_STAGES.map((s) => [s, v.plannedDates?.[s]?.format('YYYY-MM-DD') ?? null])),
  };
}

/** office: register a project or change one (optimistic version); field errors come from the API. */
export function ProjectFormDrawer(props: Props) {
  const { target } = props;
  const key = !target ? 'closed' : target.mode === 'edit' ? `edit:${target.project.id}:${target.project.version}` : 'create';
  return target ? <ProjectFormPanel key={key} {...props} target={target} /> : null;
}

function ProjectFormPanel({ target, people, asOfYear, onClose, onSaved }: Props & { target: ProjectFormTarget }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateProject();
  const update = useUpdateProject();
  const showError = useProjectError();
  const editing = target.mode === 'edit' ? target.project : null;

  const onError = (err: unknown) => {
    if (isVersionConflict(err)) {
      void message.warning(t('projects.versionConflict'));
      onClose();
      return;
    }
    showError(err, form);
  };
  const onFinish = (v: Values) => {
    const done = (saved: Project) => {
      void message.success(t('common.saved'));
      onClose();
      onSaved?.(saved);
    };
    const body = bodyOf(v);
    if (editing) update.mutate({ id: editing.id, body: { ...body, version: editing.version } }, { onSuccess: done, onError });
    else create.mutate(body, { onSuccess: done, onError });
  };
  const leaders = editing?.leaderId && !people.some((p) => p.id === editing.leaderId) ? [...people, { id: editing.leaderId, name: editing.leaderName ?? '—' }] : people;
  const req = [{ required: true, message: t('common.required') }];

  return (
    <Drawer
      open
      size={720}
      title={editing ? t('projects.form.editTitle', { code: editing.code }) : t('projects.form.createTitle')}
      onClose={onClose}
      data-testid="project-form"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} {...testId('project-form-submit')}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialValues(target, asOfYear)} onFinish={onFinish} requiredMark="optional">
        <Row gutter={16}>
          <Col span={8}><Form.Item name="code" label={t('projects.fields.code')} rules={req}><Input maxLength={40} data-testid="project-form-code" /></Form.Item></Col>
          <Col span={16}><Form.Item name="name" label={t('projects.fields.name')} rules={req}><Input maxLength={200} data-testid="project-form-name" /></Form.Item></Col>
          <Col span={8}>
            <Form.Item name="category" label={t('projects.fields.category')} rules={req}>
              <Select options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`projects.category.${c}`) }))} data-testid="project-form-category" />
            </Form.Item>
          </Col>
          <Col span={16}><Form.Item name="enterprise" label={t('projects.fields.enterprise')}><Input maxLength={200} data-testid="project-form-enterprise" /></Form.Item></Col>
          <Col span={12}><Form.Item name="leadUnitId" label={t('projects.fields.leadUnitId')}><UnitTreeSelect allowClear data-testid="project-form-unit" /></Form.Item></Col>
          <Col span={12}>
            <Form.Item name="leaderId" label={t('projects.fields.leaderId')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={leaders.map((p) => ({ value: p.id, label: p.name }))} data-testid="project-form-leader" />
            </Form.Item>
          </Col>
          <Col span={8}><Form.Item name="year" label={t('projects.fields.year')} rules={req}><InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="project-form-year" /></Form.Item></Col>
          <Col span={8}>
            <Form.Item name="totalInvestment" label={t('projects.fields.totalInvestment')} rules={req}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} suffix={t('projects.money.wanUnit')} data-testid="project-form-total" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="annualInvestment" label={t('projects.fields.annualInvestment')} rules={req}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} suffix={t('projects.money.wanUnit')} data-testid="project-form-annual" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="batches" label={t('projects.fields.batches')}>
              <Checkbox.Group options={PROJECT_BATCHES.map((b) => ({ value: b, label: t(`projects.batch.${b}`) }))} data-testid="project-form-batches" />
            </Form.Item>
          </Col>
          <Col span={24}><Form.Item name="description" label={t('projects.fields.description')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item></Col>
        </Row>
        <Divider titlePlacement="start" plain>{t('projects.form.location')}</Divider>
        <Row gutter={16}>
          <Col span={6}><Form.Item name="lat" label={t('projects.fields.lat')} rules={[{ type: 'number', min: -90, max: 90, message: t('projects.issues.coordinate', { limit: '−90 … 90' }) }]}><InputNumber step={0.0001} style={{ width: '100%' }} data-testid="project-form-lat" /></Form.Item></Col>
          <Col span={6}><Form.Item name="lng" label={t('projects.fields.lng')} rules={[{ type: 'number', min: -180, max: 180, message: t('projects.issues.coordinate', { limit: '−180 … 180' }) }]}><InputNumber step={0.0001} style={{ width: '100%' }} data-testid="project-form-lng" /></Form.Item></Col>
          <Col span={12}><Form.Item name="address" label={t('projects.fields.address')}><Input maxLength={300} /></Form.Item></Col>
        </Row>
        <Divider titlePlacement="start" plain>{t('projects.form.plannedDates')}</Divider>
        <Row gutter={16}>
          {PROJECT_STAGES.map((s) => (
            <Col span={8} key={s}>
              <Form.Item name={['plannedDates', s]} label={t(`projects.stage.${s}`)}>
                <DatePicker style={{ width: '100%' }} data-testid={`project-form-planned-${s}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="isPublic" label={t('projects.fields.isPublic')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
