import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LoginResponse } from '@lantu/core';
import { useLogin } from '../hooks';
import { errorText } from '../../../api/useApiError';

interface Values {
  username: string;
  password: string;
}

/** Step one of signing in: username and password. */
export function CredentialsForm({ onDone }: { onDone: (res: LoginResponse) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const onFinish = (values: Values) => login.mutate({ username: values.username.trim(), password: values.password }, { onSuccess: onDone });

  return (
    <Form<Values> layout="vertical" size="large" onFinish={onFinish} requiredMark={false} data-testid="login-form">
      {login.error && (
        <Form.Item>
          <Alert type="error" showIcon title={errorText(t, login.error)} data-testid="login-error" />
        </Form.Item>
      )}
      <Form.Item
        name="username"
        label={t('auth.login.username')}
        rules={[{ required: true, whitespace: true, message: t('auth.login.usernameRequired') }]}
      >
        <Input
          prefix={<UserOutlined />}
          autoComplete="username"
          autoFocus
          maxLength={64}
          data-testid="login-username"
          placeholder={t('auth.login.usernamePlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.login.password')}
        rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          maxLength={128}
          data-testid="login-password"
          placeholder={t('auth.login.passwordPlaceholder')}
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('auth.login.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
