import { Progress, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Plan, Status } from '@lantu/core';
import { useStatusColor } from '../../../ui/StatusTag';

/** 战略规划 / 年度计划. */
export function PlanKindTag({ kind }: { kind: Plan['kind'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={kind === 'strategic' ? 'geekblue' : 'cyan'} data-testid={`plan-kind-${kind}`} style={{ marginInlineEnd: 0 }}>
      {t(`plans.kind.${kind}`)}
    </Tag>
  );
}

interface ProgressProps {
  progress: number | null;
  status: Status;
  /** Pixel width of the bar; fills the cell when absent. */
  width?: number;
  size?: 'small' | 'default';
  testId?: string;
}

/** Roll-up progress (capped at 100 %) in the status colour; without any progress a dash with an explanation. */
export function ProgressBar({ progress, status, width, size = 'small', testId }: ProgressProps) {
  const { t } = useTranslation();
  const colorOf = useStatusColor();
  if (progress === null) {
    return (
      <Tooltip title={t('plans.noProgress')}>
        <Typography.Text type="secondary" data-testid={testId}>—</Typography.Text>
      </Tooltip>
    );
  }
  const pct = Math.round(Math.min(1, Math.max(0, progress)) * 1000) / 10;
  return (
    <Progress
      percent={pct}
      size={[width ?? '100%', size === 'small' ? 8 : 12]}
      strokeColor={colorOf(status)}
      status="normal"
      format={() => `${pct}%`}
      style={{ marginBlock: 0 }}
      data-testid={testId}
    />
  );
}
