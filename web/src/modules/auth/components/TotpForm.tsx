import { Alert, Button, Form, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSubmitTotp } from '../hooks';
import { errorText } from '../../../api/useApiError';
import { CodeInput, codeRules } from './CodeInput';

interface Props {
  /** Demo accounts get the current code from the server so a visitor can try the demo. */
  demoCode?: string;
  onBack: () => void;
}

/** Step two for accounts with TOTP: the 6-digit code from the authenticator app. */
export function TotpForm({ demoCode, onBack }: Props) {
  const { t } = useTranslation();
  const totp = useSubmitTotp();

  return (
    <Form<{ code: string }>
      layout="vertical"
      size="large"
      requiredMark={false}
      initialValues={{ code: demoCode ?? '' }}
      onFinish={({ code }) => totp.mutate(code)}
      data-testid="login-step-totp"
    >
      <Typography.Paragraph type="secondary">
        <SafetyOutlined /> {t('auth.totp.hint')}
      </Typography.Paragraph>
      {demoCode && (
        <Form.Item>
          <Alert type="info" showIcon title={t('auth.totp.demoCode', { code: demoCode })} data-testid="totp-demo-code" />
        </Form.Item>
      )}
      {totp.error && (
        <Form.Item>
          <Alert type="error" showIcon title={errorText(t, totp.error)} data-testid="totp-error" />
        </Form.Item>
      )}
      <Form.Item name="code" label={t('auth.totp.code')} rules={codeRules(t('auth.totp.codeInvalid'))}>
        <CodeInput autoFocus data-testid="totp-code" placeholder="000000" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" block loading={totp.isPending} data-testid="totp-submit">
          {t('auth.totp.submit')}
        </Button>
      </Form.Item>
      <Button type="link" block onClick={onBack} data-testid="login-back">
        {t('auth.backToLogin')}
      </Button>
    </Form>
  );
}
