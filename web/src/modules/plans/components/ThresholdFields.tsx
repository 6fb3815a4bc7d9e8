import { Col, Form, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_THRESHOLDS, type ThresholdOverrides } from '@lantu/core';

/** Thresholds as the office types them: percentages and percentage points; empty = inherit. */
export interface ThresholdValues {
  green?: number | null;
  yellow?: number | null;
  growthYellowGap?: number | null;
  limitMargin?: number | null;
}

const pctIn = (v: number | undefined) => (v === undefined ? undefined : Math.round(v * 10000) / 100);
const pctOut = (v: number | null | undefined) => (v === null || v === undefined ? undefined : Math.round(v * 100) / 10000);

export function thresholdsIn(t: ThresholdOverrides): ThresholdValues {
  return { green: pctIn(t.green), yellow: pctIn(t.yellow), growthYellowGap: t.growthYellowGap, limitMargin: pctIn(t.limitMargin) };
}

/** Only the thresholds given; the rest inherit (indicator ← plan ← defaults). */
export function thresholdsOut(v: ThresholdValues | undefined): ThresholdOverrides {
  const out: ThresholdOverrides = {};
  const green = pctOut(v?.green);
  const yellow = pctOut(v?.yellow);
  const margin = pctOut(v?.limitMargin);
  if (green !== undefined) out.green = green;
  if (yellow !== undefined) out.yellow = yellow;
  if (v?.growthYellowGap !== null && v?.growthYellowGap !== undefined) out.growthYellowGap = v.growthYellowGap;
  if (margin !== undefined) out.limitMargin = margin;
  return out;
}

type Which = 'green' | 'yellow' | 'growthYellowGap' | 'limitMargin';

/** The threshold inputs under `thresholds.*` of a form; placeholders show the defaults. */
export function ThresholdFields({ show = ['green', 'yellow', 'growthYellowGap', 'limitMargin'], testPrefix }: { show?: Which[]; testPrefix: string }) {
  const { t } = useTranslation();
  const field = (key: Which, suffix: string, step: number, max: number, placeholder: number) =>
    show.includes(key) && (
      <Col span={12} key={key}>
        <Form.Item name={['thresholds', key]} label={t(`plans.fields.${key === 'green' ? 'thresholdGreen' : key === 'yellow' ? 'thresholdYellow' : key}`)}>
          <InputNumber min={0} max={max} step={step} suffix={suffix} placeholder={String(placeholder)} style={{ width: '100%' }} data-testid={`${testPrefix}-threshold-${key}`} />
        </Form.Item>
      </Col>
    );
  return (
    <Row gutter={16}>
      {field('green', '%', 1, 200, DEFAULT_THRESHOLDS.green * 100)}
      {field('yellow', '%', 1, 200, DEFAULT_THRESHOLDS.yellow * 100)}
      {field('growthYellowGap', t('plans.form.pp'), 0.1, 100, DEFAULT_THRESHOLDS.growthYellowGap)}
      {field('limitMargin', '%', 1, 100, DEFAULT_THRESHOLDS.limitMargin * 100)}
    </Row>
  );
}
