import { useEffect, useRef } from 'react';
import { Alert, Button, Flex, Form, QRCode, Steps, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConfirmTotpEnrol, useStartTotpEnrol } from '../hooks';
import { errorText } from '../../../api/useApiError';
import { CodeInput, codeRules } from './CodeInput';

/** Privileged account without a second factor yet: scan the QR code, then confirm one code. */
export function TotpEnrolForm({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const start = useStartTotpEnrol();
  const confirm = useConfirmTotpEnrol();
  const started = useRef(false);

  useEffect(() => {
    // once per mount (StrictMode runs effects twice): a second call would replace the secret
    if (started.current) return;
    started.current = true;
    start.mutate();
  }, [start]);

  const enrolment = start.data;
  return (
    <Flex vertical gap={token.margin} data-testid="login-step-enrol">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('auth.enrol.intro')}
      </Typography.Paragraph>
      <Steps
        size="small"
        orientation="vertical"
        current={enrolment ? 1 : 0}
        items={[{ title: t('auth.enrol.step1') }, { title: t('auth.enrol.step2') }]}
      />
      {start.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(t, start.error)}
          action={
            <Button size="small" onClick={() => start.mutate()} data-testid="totp-enrol-retry">
              {t('common.retry')}
            </Button>
          }
        />
      )}
      <Flex vertical align="center" gap={token.marginXS}>
        <QRCode value={enrolment?.uri ?? '-'} status={enrolment ? 'active' : 'loading'} data-testid="totp-qr" />
        {enrolment && (
          <Typography.Text type="secondary">
            {t('auth.enrol.secret')}{' '}
            <Typography.Text code copyable data-testid="totp-secret">
              {enrolment.secret}
            </Typography.Text>
          </Typography.Text>
        )}
      </Flex>
      {confirm.error && <Alert type="error" showIcon title={errorText(t, confirm.error)} data-testid="totp-error" />}
      <Form<{ code: string }> layout="vertical" size="large" requiredMark={false} onFinish={({ code }) => confirm.mutate(code)}>
        <Form.Item name="code" label={t('auth.enrol.code')} rules={codeRules(t('auth.totp.codeInvalid'))}>
          <CodeInput data-testid="totp-code" placeholder="000000" disabled={!enrolment} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          disabled={!enrolment}
          loading={confirm.isPending}
          data-testid="totp-submit"
        >
          {t('auth.enrol.submit')}
        </Button>
      </Form>
      <Button type="link" block onClick={onBack} data-testid="login-back">
        {t('auth.backToLogin')}
      </Button>
    </Flex>
  );
}
