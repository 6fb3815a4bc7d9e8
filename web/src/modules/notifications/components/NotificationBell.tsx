import { useState } from 'react';
import { Badge, Button, Divider, Empty, Flex, Popover, Spin, Typography, theme } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Notification } from '@lantu/core';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../hooks';
import { NotificationItem } from './NotificationItem';

/** The latest notifications shown in the bell. */
const LATEST = 10;

/** Opens a notification: marks it read and follows its link. */
export function useOpenNotification(after?: () => void) {
  const navigate = useNavigate();
  const read = useMarkRead();
  return (n: Notification) => {
    if (n.readAt === null) read.mutate(n.id);
    after?.();
    if (n.link) void navigate(n.link);
  };
}

/** The header's bell: unread count (polled, and on return to the tab), the latest ten, mark all read, the full list. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount(true);
  const latest = useNotifications(1, LATEST, false, open);
  const readAll = useMarkAllRead();
  const openOne = useOpenNotification(() => setOpen(false));
  const count = unread.data?.unread ?? 0;

  const panel = (
    <Flex vertical style={{ width: 380 }} data-testid="notification-list">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button type="link" size="small" disabled={count === 0} loading={readAll.isPending} onClick={() => readAll.mutate()} data-testid="notification-read-all">
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <Divider style={{ marginBlock: token.marginXS }} />
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        {latest.isPending ? (
          <Flex justify="center" style={{ padding: token.padding }}><Spin /></Flex>
        ) : (latest.data?.items.length ?? 0) === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        ) : (
          latest.data?.items.map((n) => <NotificationItem key={n.id} n={n} onOpen={openOne} />)
        )}
      </div>
      <Divider style={{ marginBlock: token.marginXS }} />
      <Link to="/notifications" onClick={() => setOpen(false)} data-testid="notification-all" style={{ textAlign: 'center' }}>
        {t('notifications.viewAll')}
      </Link>
    </Flex>
  );

  return (
    <Popover content={panel} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false}>
      <Button type="text" aria-label={t('notifications.bell', { count })} data-testid="notification-bell" data-unread={count}>
        <Badge count={count} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined style={{ fontSize: token.fontSizeLG }} />
        </Badge>
      </Button>
    </Popover>
  );
}
