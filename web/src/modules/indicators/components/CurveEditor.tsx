import { Button, Col, Flex, InputNumber, Row, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';

/** The linear 序时进度: 1/12, 2/12, … of the target, as percentages. */
export const linearCurve = (): number[] => Array.from({ length: 12 }, (_, m) => Math.round(((m + 1) / 12) * 10000) / 100);

/** Why a curve cannot be saved, or null: 12 cumulative shares that never decrease. */
export function curveProblem(curve: (number | null)[] | undefined): 'incomplete' | 'decreasing' | null {
  if (!curve || curve.length !== 12 || curve.some((v) => v === null || v === undefined)) return 'incomplete';
  return curve.some((v, m) => m > 0 && (v as number) < (curve[m - 1] as number)) ? 'decreasing' : null;
}

interface Props {
  value?: (number | null)[];
  onChange?: (next: (number | null)[]) => void;
}

/** Twelve cumulative percentages of the annual target due by the end of each month (a custom 序时进度). */
export function CurveEditor({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const curve = value && value.length === 12 ? value : linearCurve();
  const set = (m: number, v: number | null) => onChange?.(curve.map((x, i) => (i === m ? v : x)));
  return (
    <Flex vertical gap={token.marginXS} data-testid="curve-editor">
      <Row gutter={[token.marginXS, token.marginXS]}>
        {curve.map((v, m) => {
          const dips = m > 0 && v !== null && curve[m - 1] !== null && v < (curve[m - 1] as number);
          return (
            <Col key={m} span={4}>
              <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
                {t('indicators.month', { m: m + 1 })}
              </Typography.Text>
              <InputNumber
                size="small"
                min={0}
                max={1000}
                step={1}
                precision={2}
                suffix="%"
                value={v}
                status={dips ? 'error' : undefined}
                onChange={(n) => set(m, n)}
                style={{ width: '100%' }}
                aria-label={t('indicators.month', { m: m + 1 })}
                data-testid={`curve-${m + 1}`}
              />
            </Col>
          );
        })}
      </Row>
      <Flex gap={token.marginXS}>
        <Button size="small" onClick={() => onChange?.(linearCurve())} data-testid="curve-linear">
          {t('indicators.form.curveLinear')}
        </Button>
      </Flex>
    </Flex>
  );
}
