import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '@lantu/core';
import { useResetPassword } from '../hooks';
import { isApiError } from '../../../api/client';
import { useApiError } from '../../../api/useApiError';
import { usePasswordProblems } from '../../auth/passwordProblems';
import { testId } from '../../../ui/testId';

/** sysadmin sets a temporary password; the user must change it at next sign-in. */
export function ResetPasswordModal(props: { user: User | null; onClose: () => void }) {
  return <ResetPasswordDialog key={props.user?.id ?? 'closed'} {...props} />;
}

function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const showError = useApiError();
  const problemsOf = usePasswordProblems();

  const onFinish = ({ password }: { password: string }) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          void message.success(t('users.passwordReset', { name: user.displayName }));
          onClose();
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'password_policy') form.setFields([{ name: 'password', errors: problemsOf(err.details) }]);
          else showError(err, { form });
        },
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      okButtonProps={testId('reset-password-submit')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item name="password" label={t('users.newPassword')} extra={t('users.resetPasswordHint')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password maxLength={128} autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
