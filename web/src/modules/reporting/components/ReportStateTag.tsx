import { Tag, Tooltip } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, EditOutlined, LockOutlined, MinusCircleOutlined, RollbackOutlined, SendOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReportState } from '@lantu/core';

/** Tag preset (theme colours) and icon per report state. */
const LOOK: Record<ReportState, { color: string; icon: React.ReactNode }> = {
  not_started: { color: 'default', icon: <MinusCircleOutlined /> },
  draft: { color: 'processing', icon: <EditOutlined /> },
  submitted: { color: 'cyan', icon: <SendOutlined /> },
  unit_approved: { color: 'geekblue', icon: <SafetyCertificateOutlined /> },
  accepted: { color: 'success', icon: <CheckCircleFilled /> },
  returned: { color: 'error', icon: <RollbackOutlined /> },
};

/** 未开始 / 填报中 / 已提交 / 单位已审核 / 已通过 / 已退回. */
export function ReportStateTag({ state, testId }: { state: ReportState; testId?: string }) {
  const { t } = useTranslation();
  const look = LOOK[state];
  return (
    <Tag color={look.color} icon={look.icon} data-testid={testId} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`reporting.state.${state}`)}
    </Tag>
  );
}

/** 逾期 N 天 (a flag, not a state). */
export function LateTag({ days, testId }: { days: number; testId?: string }) {
  const { t } = useTranslation();
  if (days <= 0) return null;
  return (
    <Tag color="warning" icon={<ClockCircleOutlined />} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {t('reporting.lateDays', { count: days })}
    </Tag>
  );
}

/** 已锁定: the cycle is closed and the report was not reopened. */
export function LockedTag({ testId }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('reporting.lockedHint')}>
      <Tag icon={<LockOutlined />} data-testid={testId} style={{ marginInlineEnd: 0 }}>
        {t('reporting.locked')}
      </Tag>
    </Tooltip>
  );
}
