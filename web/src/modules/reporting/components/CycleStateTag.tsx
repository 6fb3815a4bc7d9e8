import { Flex, Tag, Tooltip, Typography, theme } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { REPORT_STATES, type CycleState, type ReportCycle, type ReportState } from '@lantu/core';
import { ReportStateTag } from './ReportStateTag';

/** 进行中 / 已关闭. */
export function CycleStateTag({ state, testId }: { state: CycleState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={state === 'open' ? 'processing' : 'default'} icon={state === 'open' ? <UnlockOutlined /> : <LockOutlined />} data-testid={testId} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`reporting.cycleState.${state}`)}
    </Tag>
  );
}

/** The cycle's reports counted by state (only the states that occur), each as its state tag with the count. */
export function StateCounts({ cycle, onState, active }: { cycle: ReportCycle; onState?: (s: ReportState | undefined) => void; active?: ReportState | undefined }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex gap={token.marginXS} wrap data-testid={`cycle-counts-${cycle.id}`}>
      {REPORT_STATES.filter((s) => cycle.counts[s] > 0).map((s) => (
        <Tooltip key={s} title={onState ? t('reporting.filterByState') : undefined}>
          <span
            onClick={onState ? () => onState(active === s ? undefined : s) : undefined}
            style={{ cursor: onState ? 'pointer' : undefined, opacity: active && active !== s ? 0.5 : 1 }}
            data-testid={`cycle-count-${s}`}
          >
            <ReportStateTag state={s} /> <Typography.Text strong>{cycle.counts[s]}</Typography.Text>
          </span>
        </Tooltip>
      ))}
    </Flex>
  );
}
