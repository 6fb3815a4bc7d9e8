import { useCallback } from 'react';
import { Tag, theme, type GlobalToken } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, ExclamationCircleOutlined, MinusCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Status } from '@lantu/core';

/** Tag preset (colours come from the theme's success / warning / error / default tokens) and icon per status. */
const LOOK: Record<Status, { color: string; variant?: 'solid'; icon: React.ReactNode }> = {
  done: { color: 'success', variant: 'solid', icon: <CheckCircleFilled /> },
  green: { color: 'success', icon: <SyncOutlined /> },
  yellow: { color: 'warning', icon: <ExclamationCircleOutlined /> },
  red: { color: 'error', icon: <ClockCircleOutlined /> },
  nodata: { color: 'default', icon: <MinusCircleOutlined /> },
};

/** The colour token of a status, for progress bars and charts. */
export function statusColor(token: GlobalToken, status: Status): string {
  switch (status) {
    case 'done':
    case 'green':
      return token.colorSuccess;
    case 'yellow':
      return token.colorWarning;
    case 'red':
      return token.colorError;
    default:
      return token.colorTextQuaternary;
  }
}

/** `statusColor` bound to the current theme. */
export function useStatusColor(): (status: Status) => string {
  const { token } = theme.useToken();
  return useCallback((status: Status) => statusColor(token, status), [token]);
}

interface Props {
  status: Status;
  /** Smaller, without icon (dense tables). */
  compact?: boolean;
  testId?: string;
}

/** A delivery status: 已完成 / 正常 / 预警 / 滞后 / 未报送, coloured from the theme. */
export function StatusTag({ status, compact = false, testId }: Props) {
  const { t } = useTranslation();
  const look = LOOK[status];
  return (
    <Tag
      color={look.color}
      variant={look.variant}
      icon={compact ? undefined : look.icon}
      data-testid={testId}
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`plans.status.${status}`)}
    </Tag>
  );
}
