import { Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { UnitReport } from '@lantu/core';
import { useCurrentUser } from '../../auth/hooks';
import { stepShown, timeText } from '../format';

/** The review steps whose moment a report records. */
export type ReportStep = 'submitted' | 'approved' | 'accepted' | 'returned';

type StepFields = Pick<UnitReport, 'submittedAt' | 'submittedOn' | 'approvedAt' | 'acceptedAt' | 'returnedAt'>;

/**
 * When a step was taken, the same way on the board, the lists and the report header: the business
 * date where the report has one (submission), else the timestamp's date; in a demo zone, whose
 * business date stays on its seed day, a 已完成 tag instead of a wall-clock date beside it. The
 * recorded time is always in the tooltip.
 */
export function StepTime({ report, step, testId }: { report: StepFields; step: ReportStep; testId?: string }) {
  const { t } = useTranslation();
  const { zone } = useCurrentUser();
  const shown = stepShown(report[`${step}At`], step === 'submitted' ? report.submittedOn : null, zone.isDemo);
  if (shown.kind === 'none') return <Typography.Text type="secondary" data-testid={testId} data-step="none">—</Typography.Text>;
  const title = shown.at ? t('reporting.stepRecorded', { time: timeText(shown.at) }) : undefined;
  return (
    <Tooltip title={title}>
      {shown.kind === 'date' ? (
        <span data-testid={testId} data-step="date">{shown.date}</span>
      ) : (
        <Tag color="success" icon={<CheckOutlined />} data-testid={testId} data-step="done" style={{ marginInlineEnd: 0 }}>
          {t('reporting.stepDone')}
        </Tag>
      )}
    </Tooltip>
  );
}
