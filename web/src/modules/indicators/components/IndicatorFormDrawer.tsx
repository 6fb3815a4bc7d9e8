import { Alert, App, AutoComplete, Button, Col, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DIRECTIONS,
  FREQUENCIES,
  INDICATOR_KINDS,
  INDICATOR_SOURCES,
  LIMIT_MODES,
  type CreateIndicatorBody,
  type Indicator,
  type IndicatorKind,
} from '@lantu/core';
import { useCreateIndicator, useUpdateIndicator } from '../hooks';
import { usePlanError } from '../../plans/errors';
import { ThresholdFields, thresholdsIn, thresholdsOut, type ThresholdValues } from '../../plans/components/ThresholdFields';
import { UnitTreeSelect } from '../../units/components/UnitTreeSelect';
import { isApiError } from '../../../api/client';
import { CurveEditor, curveProblem, linearCurve } from './CurveEditor';
import { ProjectFilterFields, moneyUnitRule, projectKindRule } from './ProjectFilterFields';
import { type ProjectFilterValues, projectFilterBody } from '../projectFilter';

export type IndicatorFormTarget = { mode: 'create'; itemId: string; year: number; reportingUnitId: string | null } | { mode: 'edit'; indicator: Indicator };

/** Units of measure the plans use; anything else may be typed. */
const UNITS = ['亿元', '万元', '万平方米', '个', '家', '人', '人次', '亩', '件', '%', '个百分点', '位', '年'];

interface Values {
  code: string;
  name: string;
  kind: IndicatorKind;
  direction: Indicator['direction'];
  unitOfMeasure: string;
  year: number;
  baseline?: string | null;
  target: string;
  limitMode?: Indicator['limitMode'];
  bandLow?: string | null;
  bandHigh?: string | null;
  curveOn: boolean;
  curve?: (number | null)[];
  frequency: Indicator['frequency'];
  source: string;
  formula?: string | null;
  projectFilter?: ProjectFilterValues;
  reportingUnitId?: string | null;
  weight: string;
  isPublic: boolean;
  sourceText?: string | null;
  thresholds: ThresholdValues;
}

const DECIMAL = /^-?\d{1,12}(\.\d{1,6})?$/;
const decOrNull = (v: string | number | null | undefined) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim());
const textOrNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

interface Props {
  target: IndicatorFormTarget | null;
  onClose: () => void;
  onCreated?: (indicator: Indicator) => void;
}

/** office: define or change an indicator; the fields follow its kind (baseline, limit band, monthly curve …). */
export function IndicatorFormDrawer(props: Props) {
  const { target } = props;
  const key = !target ? 'closed' : target.mode === 'edit' ? `edit:${target.indicator.id}` : `create:${target.itemId}`;
  return <IndicatorFormPanel key={key} {...props} />;
}

function initialValues(target: IndicatorFormTarget | null): Partial<Values> {
  if (target?.mode === 'edit') {
    const i = target.indicator;
    return {
      ...i,
      curveOn: i.curve !== null,
      curve: i.curve ? i.curve.map((v) => Math.round(v * 10000) / 100) : linearCurve(),
      projectFilter: i.projectFilter ?? { measure: 'count', year: i.year },
      thresholds: thresholdsIn(i.thresholds),
    };
  }
  return {
    kind: 'amount',
    direction: 'increase',
    year: target?.year,
    frequency: 'monthly',
    source: 'reported',
    projectFilter: { measure: 'count', year: target?.year },
    reportingUnitId: target?.reportingUnitId ?? null,
    weight: '1',
    isPublic: false,
    curveOn: false,
    curve: linearCurve(),
    thresholds: {},
  };
}

function IndicatorFormPanel({ target, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const showError = usePlanError();
  const editing = target?.mode === 'edit' ? target.indicator : null;
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? 'amount';
  const limitMode = Form.useWatch('limitMode', form);
  const source = Form.useWatch('source', form);
  const curveOn = Form.useWatch('curveOn', form);
  const decimalRule = { pattern: DECIMAL, message: t('indicators.form.decimal') };

  const onError = (err: unknown) => {
    showError(err, form);
    if (isApiError(err) && err.code === 'version_conflict') onClose();
  };
  const onFinish = (v: Values) => {
    const body: CreateIndicatorBody = {
      code: v.code.trim(),
      name: v.name.trim(),
      kind: v.kind,
      direction: v.kind === 'amount' || v.kind === 'limit' ? 'increase' : v.direction,
      unitOfMeasure: v.unitOfMeasure.trim(),
      year: v.year,
      baseline: v.kind === 'level' || v.kind === 'change' ? decOrNull(v.baseline) : null,
      target: String(v.target).trim(),
      limitMode: v.kind === 'limit' ? (v.limitMode ?? null) : null,
      bandLow: v.kind === 'limit' && v.limitMode === 'about' ? decOrNull(v.bandLow) : null,
      bandHigh: v.kind === 'limit' && v.limitMode === 'about' ? decOrNull(v.bandHigh) : null,
      curve: v.kind === 'amount' && v.curveOn && v.curve ? v.curve.map((x) => Math.round((x ?? 0) * 100) / 10000) : null,
      frequency: v.frequency,
      thresholds: thresholdsOut(v.thresholds),
      source: v.source,
      formula: v.source === 'formula' ? textOrNull(v.formula) : null,
      projectFilter: v.source === 'projects' ? projectFilterBody(v.projectFilter) : null,
      reportingUnitId: v.reportingUnitId ?? null,
      weight: String(v.weight).trim(),
      isPublic: v.isPublic,
      sourceText: textOrNull(v.sourceText),
    };
    if (editing) {
      update.mutate({ id: editing.id, body: { version: editing.version, ...body } }, { onSuccess: () => (void message.success(t('common.saved')), onClose()), onError });
    } else if (target?.mode === 'create') {
      create.mutate(
        { itemId: target.itemId, body },
        { onSuccess: (ind) => (void message.success(t('indicators.created', { name: ind.name })), onClose(), onCreated?.(ind)), onError },
      );
    }
  };

  const targetLabel = t(`indicators.form.targetLabel.${kind}`);
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={editing ? t('indicators.form.editTitle', { code: editing.code }) : t('indicators.form.createTitle')}
      size={680}
      destroyOnHidden
      data-testid="indicator-form"
      extra={
        <Space>
          <Button onClick={onClose} data-testid="indicator-form-cancel">{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="indicator-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={initialValues(target)}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="code" label={t('indicators.fields.code')} rules={[{ required: true, pattern: /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/, message: t('indicators.form.codeRule') }]}>
              <Input maxLength={40} data-testid="indicator-code" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label={t('indicators.fields.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={200} data-testid="indicator-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={t('indicators.fields.kind')} dependencies={['source']} rules={[projectKindRule(t)]}>
              <Select options={INDICATOR_KINDS.map((k) => ({ value: k, label: t(`indicators.kind.${k}`) }))} data-testid="indicator-kind" />
            </Form.Item>
          </Col>
          <Col span={8}>
            {(kind === 'level' || kind === 'growth' || kind === 'change') && (
              <Form.Item name="direction" label={t('indicators.fields.direction')}>
                <Select options={DIRECTIONS.map((d) => ({ value: d, label: t(`indicators.direction.${d}`) }))} data-testid="indicator-direction" />
              </Form.Item>
            )}
            {kind === 'limit' && (
              <Form.Item name="limitMode" label={t('indicators.fields.limitMode')} rules={[{ required: true, message: t('common.required') }]}>
                <Select options={LIMIT_MODES.map((m) => ({ value: m, label: t(`indicators.limitMode.${m}`) }))} data-testid="indicator-limit-mode" />
              </Form.Item>
            )}
          </Col>
          <Col span={8}>
            <Form.Item
              name="unitOfMeasure"
              label={t('indicators.fields.unitOfMeasure')}
              dependencies={['source', ['projectFilter', 'measure']]}
              rules={[{ required: true, whitespace: true, message: t('common.required') }, moneyUnitRule(t)]}
            >
              <AutoComplete options={UNITS.map((u) => ({ value: u }))} maxLength={20} data-testid="indicator-unit" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Alert type="info" showIcon title={t(`indicators.kindHelp.${kind}`)} style={{ marginBottom: 16 }} data-testid="indicator-kind-help" />
          </Col>
          <Col span={8}>
            <Form.Item name="year" label={t('indicators.fields.year')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="indicator-year" />
            </Form.Item>
          </Col>
          {(kind === 'level' || kind === 'change') && (
            <Col span={8}>
              <Form.Item name="baseline" label={t('indicators.fields.baseline')} extra={t('indicators.form.baselineHint')} rules={[{ required: true, message: t('common.required') }, decimalRule]}>
                <InputNumber stringMode style={{ width: '100%' }} data-testid="indicator-baseline" />
              </Form.Item>
            </Col>
          )}
          <Col span={8}>
            <Form.Item name="target" label={targetLabel} rules={[{ required: true, message: t('common.required') }, decimalRule]}>
              <InputNumber stringMode style={{ width: '100%' }} data-testid="indicator-target" />
            </Form.Item>
          </Col>
          {kind === 'limit' && limitMode === 'about' && (
            <>
              <Col span={8}>
                <Form.Item name="bandLow" label={t('indicators.fields.bandLow')} rules={[{ required: true, message: t('common.required') }, decimalRule]}>
                  <InputNumber stringMode style={{ width: '100%' }} data-testid="indicator-band-low" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="bandHigh" label={t('indicators.fields.bandHigh')} rules={[{ required: true, message: t('common.required') }, decimalRule]}>
                  <InputNumber stringMode style={{ width: '100%' }} data-testid="indicator-band-high" />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        {kind === 'amount' && (
          <>
            <Form.Item name="curveOn" label={t('indicators.form.curve')} valuePropName="checked" extra={t('indicators.form.curveHint')}>
              <Switch checkedChildren={t('indicators.form.curveCustom')} unCheckedChildren={t('indicators.form.curveLinearShort')} data-testid="indicator-curve-on" />
            </Form.Item>
            {curveOn && (
              <Form.Item
                name="curve"
                rules={[{ validator: (_, v: (number | null)[]) => (curveProblem(v) ? Promise.reject(new Error(t(`indicators.form.curve_${curveProblem(v)}`))) : Promise.resolve()) }]}
              >
                <CurveEditor />
              </Form.Item>
            )}
          </>
        )}
        <Divider titlePlacement="start" plain>{t('indicators.form.reporting')}</Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="frequency" label={t('indicators.fields.frequency')}>
              <Select options={FREQUENCIES.map((f) => ({ value: f, label: t(`indicators.frequency.${f}`) }))} data-testid="indicator-frequency" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="source" label={t('indicators.fields.source')}>
              <Select options={INDICATOR_SOURCES.map((s) => ({ value: s, label: t(`indicators.source.${s}`) }))} data-testid="indicator-source" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="weight" label={t('indicators.fields.weight')} rules={[{ required: true, message: t('common.required') }, decimalRule]}>
              <InputNumber stringMode min="0" style={{ width: '100%' }} data-testid="indicator-weight" />
            </Form.Item>
          </Col>
        </Row>
        {source === 'projects' && <ProjectFilterFields />}
        {source === 'formula' && (
          <Form.Item name="formula" label={t('indicators.fields.formula')} extra={t('indicators.form.formulaHint')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={500} placeholder="[INV-A] + [INV-B]" data-testid="indicator-formula" />
          </Form.Item>
        )}
        <Form.Item name="reportingUnitId" label={t('indicators.fields.reportingUnitId')}>
          <UnitTreeSelect allowClear data-testid="indicator-reporting-unit" />
        </Form.Item>
        <Form.Item name="sourceText" label={t('indicators.fields.sourceText')} extra={t('indicators.form.sourceTextHint')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="indicator-source-text" />
        </Form.Item>
        <Form.Item name="isPublic" label={t('indicators.fields.isPublic')} valuePropName="checked">
          <Switch data-testid="indicator-public" />
        </Form.Item>
        <Divider titlePlacement="start" plain>{t('indicators.form.thresholds')}</Divider>
        <ThresholdFields
          testPrefix="indicator"
          show={kind === 'growth' ? ['growthYellowGap'] : kind === 'limit' ? ['limitMargin'] : ['green', 'yellow']}
        />
      </Form>
    </Drawer>
  );
}
