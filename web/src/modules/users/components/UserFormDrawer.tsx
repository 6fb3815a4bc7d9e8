import { App, Button, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '@lantu/core';
import { useCreateUser, useUpdateUser } from '../hooks';
import { isApiError } from '../../../api/client';
import { useApiError } from '../../../api/useApiError';
import { usePasswordProblems } from '../../auth/passwordProblems';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User };

interface Values {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  email?: string;
}

const blankToNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

interface Props {
  target: UserFormTarget | null;
  onClose: () => void;
}

/** sysadmin: create an account (with an initial password) or edit its contact details. Each opening gets a fresh form, so no values leak from one user to the next. */
export function UserFormDrawer(props: Props) {
  const { target } = props;
  const key = !target ? 'closed' : target.mode === 'edit' ? `edit:${target.user.id}` : 'create';
  return <UserFormPanel key={key} {...props} />;
}

function UserFormPanel({ target, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const showError = useApiError();
  const problemsOf = usePasswordProblems();
  const editing = target?.mode === 'edit' ? target.user : null;

  const onError = (err: unknown) => {
    if (isApiError(err) && err.code === 'password_policy') {
      form.setFields([{ name: 'password', errors: problemsOf(err.details) }]);
      return;
    }
    if (isApiError(err) && err.code === 'conflict') {
      form.setFields([{ name: 'username', errors: [t('users.usernameTaken')] }]);
      return;
    }
    showError(err, { form });
    if (isApiError(err) && err.code === 'version_conflict') onClose();
  };
  const done = () => {
    void message.success(t('common.saved'));
    onClose();
  };
  const onFinish = (v: Values) => {
    const contact = { displayName: v.displayName.trim(), phone: blankToNull(v.phone), email: blankToNull(v.email) };
    if (editing) update.mutate({ id: editing.id, body: { version: editing.version, ...contact } }, { onSuccess: done, onError });
    else create.mutate({ username: v.username.trim(), password: v.password, ...contact }, { onSuccess: done, onError });
  };

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.createTitle')}
      size={480}
      destroyOnHidden
      data-testid="user-form"
      extra={
        <Space>
          <Button onClick={onClose} data-testid="user-form-cancel">{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="user-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={editing ? { username: editing.username, displayName: editing.displayName, phone: editing.phone ?? undefined, email: editing.email ?? undefined } : {}}
      >
        <Form.Item
          name="username"
          label={t('fields.username')}
          extra={editing ? undefined : t('users.usernameHint')}
          rules={[{ required: true, pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: t('users.usernameInvalid') }]}
        >
          <Input disabled={Boolean(editing)} maxLength={32} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('fields.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} data-testid="user-display-name-input" />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            extra={t('users.initialPasswordHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password maxLength={128} autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
        <Form.Item name="phone" label={t('fields.phone')} rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: t('users.phoneInvalid') }]}>
          <Input maxLength={20} data-testid="user-phone" />
        </Form.Item>
        <Form.Item name="email" label={t('fields.email')} rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
          <Input maxLength={120} data-testid="user-email" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
