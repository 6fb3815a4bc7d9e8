import { Badge, Flex, Typography, theme } from 'antd';
import { BellOutlined, CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined, RollbackOutlined, SendOutlined, UnlockOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Notification, NotificationKind } from '@lantu/core';
import { timeText } from '../../reporting/format';
import { notificationText } from '../text';

const ICONS: Record<NotificationKind, React.ReactNode> = {
  due_soon: <ClockCircleOutlined />,
  overdue: <ExclamationCircleOutlined />,
  returned: <RollbackOutlined />,
  accepted: <CheckCircleOutlined />,
  remind: <BellOutlined />,
  submitted: <SendOutlined />,
  approved: <CheckCircleOutlined />,
  reopened: <UnlockOutlined />,
  delivery_failed: <WarningOutlined />,
};

/** One notification: icon, message, time; unread ones bold with a dot. */
export function NotificationItem({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const unread = n.readAt === null;
  const warn = n.kind === 'overdue' || n.kind === 'returned' || n.kind === 'delivery_failed';
  return (
    <Flex
      gap={token.marginSM}
      align="flex-start"
      role="button"
      tabIndex={0}
      onClick={() => onOpen(n)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(n)}
      data-testid={`notification-${n.id}`}
      data-kind={n.kind}
      data-unread={unread ? 'true' : 'false'}
      style={{ padding: token.paddingXS, cursor: 'pointer', borderRadius: token.borderRadius }}
    >
      <span style={{ color: warn ? token.colorError : token.colorPrimary, fontSize: token.fontSizeLG }}>{ICONS[n.kind]}</span>
      <Flex vertical flex={1} style={{ minWidth: 0 }}>
        <Typography.Text strong={unread}>{notificationText(t, n)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
          {timeText(n.createdAt)}
        </Typography.Text>
      </Flex>
      {unread && <Badge status="processing" />}
    </Flex>
  );
}
