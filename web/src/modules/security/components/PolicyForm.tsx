import { App, Button, Col, Form, InputNumber, Row, Space, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Policy } from '@lantu/core';
import { DEFAULT_POLICY } from '@lantu/core';
import type { PolicyResponse } from '../api';
import { useUpdatePolicy } from '../hooks';
import { useApiError } from '../../../api/useApiError';

/** Bounds of each field as the API enforces them (core `policy` schema). */
const FIELDS: { name: keyof Policy; min: number; max: number; unit?: string }[] = [
  { name: 'minLength', min: 8, max: 64, unit: 'chars' },
  { name: 'privilegedMinLength', min: 12, max: 64, unit: 'chars' },
  { name: 'minClasses', min: 3, max: 4, unit: 'classes' },
  { name: 'lockoutThreshold', min: 3, max: 10, unit: 'times' },
  { name: 'lockoutMinutes', min: 5, max: 1440, unit: 'minutes' },
  { name: 'idleTimeoutMinutes', min: 5, max: 30, unit: 'minutes' },
  { name: 'absoluteTimeoutHours', min: 1, max: 24, unit: 'hours' },
];

/** secadmin: the zone's password, lockout and session policy, saved against its version. */
export function PolicyForm({ policy }: { policy: PolicyResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [form] = Form.useForm<Policy>();
  const update = useUpdatePolicy();
  const showError = useApiError();

  const onFinish = (values: Policy) =>
    update.mutate(
      { ...values, version: policy.version },
      { onSuccess: () => void message.success(t('security.saved')), onError: (err) => showError(err, { form }) },
    );

  return (
    <Form<Policy>
      key={policy.version}
      form={form}
      layout="vertical"
      initialValues={policy}
      onFinish={onFinish}
      data-testid="policy-form"
    >
      <Row gutter={[token.marginLG, 0]}>
        {FIELDS.map((f) => (
          <Col xs={24} md={12} key={f.name}>
            <Form.Item
              name={f.name}
              label={t(`security.fields.${f.name}.label`)}
              extra={t(`security.fields.${f.name}.help`, { min: f.min, max: f.max, def: DEFAULT_POLICY[f.name] })}
              rules={[{ required: true, type: 'integer', min: f.min, max: f.max, message: t('security.range', { min: f.min, max: f.max }) }]}
            >
              <InputNumber
                min={f.min}
                max={f.max}
                precision={0}
                style={{ width: '100%' }}
                suffix={f.unit ? t(`security.units.${f.unit}`) : undefined}
                data-testid={`policy-${f.name}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="policy-save">
          {t('common.save')}
        </Button>
        <Button onClick={() => form.resetFields()} data-testid="policy-reset">
          {t('common.undoChanges')}
        </Button>
        <Button onClick={() => form.setFieldsValue(DEFAULT_POLICY)} data-testid="policy-defaults">
          {t('security.useDefaults')}
        </Button>
        <Typography.Text type="secondary">{t('security.version', { version: policy.version })}</Typography.Text>
      </Space>
    </Form>
  );
}
