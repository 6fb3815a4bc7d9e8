import { Alert, Col, Form, type FormRule, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type IndicatorKind, MONEY_UNITS, PROJECT_BATCHES, PROJECT_CATEGORIES, PROJECT_MEASURES, PROJECT_STAGES } from '@lantu/core';
import { PROJECT_KINDS } from '../projectFilter';

type TFn = ReturnType<typeof useTranslation>['t'];

/** The kind field's rule: a project-driven indicator is an amount or a level (as the server checks). */
export const projectKindRule =
  (t: TFn): FormRule =>
  ({ getFieldValue }) => ({
    validator: (_, kind: IndicatorKind) =>
      getFieldValue('source') === 'projects' && !PROJECT_KINDS.includes(kind) ? Promise.reject(new Error(t('indicators.projectFilter.kindRule'))) : Promise.resolve(),
  });

/** The unit field's rule: an investment sum is stated in 万元 or 亿元 (as the server checks). */
export const moneyUnitRule =
  (t: TFn): FormRule =>
  ({ getFieldValue }) => ({
    validator: (_, unit: string | undefined) =>
      getFieldValue('source') === 'projects' && (getFieldValue(['projectFilter', 'measure']) ?? 'count') !== 'count' && !Object.hasOwn(MONEY_UNITS, (unit ?? '').trim())
        ? Promise.reject(new Error(t('indicators.projectFilter.moneyUnitRule')))
        : Promise.resolve(),
  });

/**
 * The project filter of a project-driven indicator, as fields of the indicator form under
 * `projectFilter`: what is counted or summed, and which projects (category, batch, stage reached, list year).
 */
export function ProjectFilterFields() {
  const { t } = useTranslation();
  const any = t('indicators.projectFilter.any');
  return (
    <>
      <Alert type="info" showIcon title={t('indicators.projectFilter.help')} style={{ marginBottom: 16 }} data-testid="indicator-project-help" />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={['projectFilter', 'measure']} label={t('indicators.projectFilter.measure')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={PROJECT_MEASURES.map((m) => ({ value: m, label: t(`indicators.projectFilter.measures.${m}`) }))} data-testid="indicator-project-measure" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['projectFilter', 'stageReached']} label={t('indicators.projectFilter.stageReached')}>
            <Select
              allowClear
              placeholder={any}
              options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`indicators.projectFilter.stage.${s}`) }))}
              data-testid="indicator-project-stage"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['projectFilter', 'categories']} label={t('indicators.projectFilter.categories')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={any}
              options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`indicators.projectFilter.category.${c}`) }))}
              data-testid="indicator-project-categories"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['projectFilter', 'batches']} label={t('indicators.projectFilter.batches')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={any}
              options={PROJECT_BATCHES.map((b) => ({ value: b, label: t(`indicators.projectFilter.batch.${b}`) }))}
              data-testid="indicator-project-batches"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['projectFilter', 'year']} label={t('indicators.projectFilter.year')}>
            <InputNumber min={2000} max={2100} precision={0} placeholder={any} style={{ width: '100%' }} data-testid="indicator-project-year" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
