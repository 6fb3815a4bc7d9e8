import { App, Alert, Button, Form, Input, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../hooks';
import { isApiError } from '../../../api/client';
import { useApiError } from '../../../api/useApiError';
import { usePasswordProblems } from '../passwordProblems';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's own password; the server's policy problems show on the new-password field. */
export function ChangePasswordForm({ onDone, block = false }: { onDone?: () => void; block?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const showError = useApiError();
  const problemsOf = usePasswordProblems();

  const onFinish = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('auth.password.changed'));
          onDone?.();
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'password_policy') {
            form.setFields([{ name: 'newPassword', errors: problemsOf(err.details) }]);
          } else if (isApiError(err) && err.code === 'login_failed') {
            form.setFields([{ name: 'currentPassword', errors: [t('auth.password.currentWrong')] }]);
          } else {
            showError(err, { form });
          }
        },
      },
    );

  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }} data-testid="password-form">
      <Alert type="info" showIcon title={t('auth.password.hint')} style={{ marginBottom: token.margin }} />
      <Form.Item name="currentPassword" label={t('auth.password.current')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="current-password" maxLength={128} data-testid="password-current" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('auth.password.new')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="new-password" maxLength={128} data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block={block} loading={change.isPending} data-testid="password-submit">
        {t('auth.password.submit')}
      </Button>
    </Form>
  );
}
