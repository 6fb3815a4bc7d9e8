import { App, Button, Checkbox, Drawer, Flex, Form, Input, Select, Switch, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHANNEL_KINDS, NOTIFICATION_KINDS, type Channel, type ChannelKind, type NotificationKind } from '@lantu/core';
import { useCreateChannel, useUpdateChannel } from '../hooks';
import { useReportingError } from '../../reporting/errors';

export type ChannelFormTarget = { mode: 'create' } | { mode: 'edit'; channel: Channel };

interface Values {
  kind: ChannelKind;
  name: string;
  url?: string;
  recipients?: string[];
  secret?: string;
  clearSecret?: boolean;
  events: NotificationKind[];
  enabled: boolean;
}

/** What a new channel hears about by default: the reminders and the review outcomes. */
const DEFAULT_EVENTS: NotificationKind[] = ['due_soon', 'overdue', 'remind', 'returned', 'accepted'];
/** Robots that can sign their messages with a secret (企业微信 cannot). */
const SIGNING: readonly ChannelKind[] = ['dingtalk', 'feishu'];

export function ChannelDrawer({ target, onClose }: { target: ChannelFormTarget | null; onClose: () => void }) {
  return target ? <ChannelForm target={target} onClose={onClose} /> : null;
}

/** Create or edit a channel. The secret is write-only: left empty it stays as it is; it can be cleared. */
function ChannelForm({ target, onClose }: { target: ChannelFormTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const showError = useReportingError('notifications');
  const editing = target.mode === 'edit' ? target.channel : null;
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? 'wecom';
  const clearSecret = Form.useWatch('clearSecret', form) ?? false;
  const initial: Values = editing
    ? { kind: editing.kind, name: editing.name, url: editing.url ?? '', recipients: editing.recipients, events: editing.events, enabled: editing.enabled }
    : { kind: 'wecom', name: '', url: '', recipients: [], events: DEFAULT_EVENTS, enabled: true };

  const submit = (v: Values) => {
    const email = v.kind === 'email';
    const fields = { kind: v.kind, name: v.name, url: email ? null : v.url?.trim() || null, recipients: email ? (v.recipients ?? []) : [], events: v.events, enabled: v.enabled };
    const secret = v.clearSecret || !SIGNING.includes(v.kind) ? (editing?.hasSecret ? null : undefined) : v.secret?.trim() || undefined;
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    if (editing) update.mutate({ id: editing.id, body: { ...fields, ...(secret !== undefined ? { secret } : {}), version: editing.version } }, { onSuccess: done, onError: (err) => showError(err, form) });
    else create.mutate({ ...fields, ...(secret ? { secret } : {}) }, { onSuccess: done, onError: (err) => showError(err, form) });
  };

  return (
    <Drawer
      open
      size="large"
      title={editing ? t('notifications.channels.editTitle', { name: editing.name }) : t('notifications.channels.createTitle')}
      onClose={onClose}
      extra={
        <Flex gap={token.marginXS}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="channel-save">{t('common.save')}</Button>
        </Flex>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="channel-drawer">
        <Form.Item name="kind" label={t('notifications.fields.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={CHANNEL_KINDS.map((k) => ({ value: k, label: t(`notifications.channelKinds.${k}`) }))} data-testid="channel-kind" />
        </Form.Item>
        <Form.Item name="name" label={t('notifications.fields.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} data-testid="channel-name" />
        </Form.Item>
        {kind === 'email' ? (
          <Form.Item name="recipients" label={t('notifications.fields.recipients')} extra={t('notifications.channels.recipientsHint')} rules={[{ required: true, message: t('common.required') }]}>
            <Select mode="tags" tokenSeparators={[',', ';', ' ']} open={false} data-testid="channel-recipients" />
          </Form.Item>
        ) : (
          <Form.Item name="url" label={t('notifications.fields.url')} extra={t(`notifications.channels.urlHint.${kind}`)} rules={[{ required: true, message: t('common.required') }, { type: 'url', message: t('notifications.issues.invalid_url') }]}>
            <Input maxLength={1000} placeholder="https://" data-testid="channel-url" />
          </Form.Item>
        )}
        {SIGNING.includes(kind) && (
          <>
            <Form.Item name="secret" label={t('notifications.fields.secret')} extra={editing?.hasSecret ? t('notifications.channels.secretKept') : t('notifications.channels.secretHint')}>
              <Input.Password maxLength={200} autoComplete="new-password" disabled={clearSecret} placeholder={editing?.hasSecret ? t('notifications.channels.secretSet') : ''} data-testid="channel-secret" />
            </Form.Item>
            {editing?.hasSecret && (
              <Form.Item name="clearSecret" valuePropName="checked">
                <Checkbox data-testid="channel-clear-secret">{t('notifications.channels.clearSecret')}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="events" label={t('notifications.fields.events')} rules={[{ required: true, message: t('common.required') }]}>
          <Checkbox.Group options={NOTIFICATION_KINDS.map((k) => ({ value: k, label: t(`notifications.kindNames.${k}`) }))} data-testid="channel-events" />
        </Form.Item>
        <Form.Item name="enabled" label={t('notifications.fields.enabled')} valuePropName="checked">
          <Switch data-testid="channel-enabled" />
        </Form.Item>
        <Typography.Text type="secondary">{t('notifications.channels.formHint')}</Typography.Text>
      </Form>
    </Drawer>
  );
}
