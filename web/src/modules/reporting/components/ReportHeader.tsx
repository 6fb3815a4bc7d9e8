import { Alert, Card, Descriptions, Flex, Progress, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '@lantu/core';
import { filledPercent, periodText } from '../format';
import { needsNote } from '../lines';
import { LateTag, LockedTag, ReportStateTag } from './ReportStateTag';
import { StepTime } from './StepTime';

/** The report's facts: state, due date and lateness, lock, how far filled in, the review steps; the reviewer's comment. */
export function ReportHeader({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  // counted from the lines, which follow every save at once
  const filled = report.lines.filter((l) => l.filled).length;
  const unexplained = report.lines.filter(needsNote).length;
  return (
    <Card data-testid="report-header">
      <Flex vertical gap={token.marginSM}>
        {report.state === 'returned' && (report.returnComment || report.reopenReason) && (
          <Alert
            type="error"
            showIcon
            data-testid="report-return-comment"
            title={report.reopenReason ? t('reporting.reopenedBecause', { reason: report.reopenReason }) : t('reporting.returnedBecause', { comment: report.returnComment })}
          />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'state', label: t('reporting.columns.state'), children: (
              <Flex gap={token.marginXXS} wrap>
                <ReportStateTag state={report.state} testId="report-state" />
                {report.locked && <LockedTag testId="report-locked" />}
              </Flex>
            ) },
            { key: 'due', label: t('reporting.columns.dueDate'), children: (
              <Flex gap={token.marginXS} wrap>
                <span data-testid="report-due">{report.dueDate}</span>
                <LateTag days={report.daysLate} testId="report-late" />
              </Flex>
            ) },
            { key: 'filled', label: t('reporting.columns.filled'), children: (
              <Progress percent={filledPercent(filled, report.lineCount)} size="small" format={() => `${filled}/${report.lineCount}`} style={{ minWidth: 160, margin: 0 }} data-testid="report-filled" />
            ) },
            { key: 'flags', label: t('reporting.columns.attention'), children: (
              <Typography.Text type={unexplained > 0 ? 'warning' : 'secondary'} data-testid="report-unexplained">
                {t('reporting.unexplainedCount', { count: unexplained })}
              </Typography.Text>
            ) },
            { key: 'submitted', label: t('reporting.columns.submittedAt'), children: <StepTime report={report} step="submitted" testId="report-submitted" /> },
            { key: 'approved', label: t('reporting.columns.approvedAt'), children: <StepTime report={report} step="approved" testId="report-approved" /> },
            { key: 'accepted', label: t('reporting.columns.acceptedAt'), children: <StepTime report={report} step="accepted" testId="report-accepted" /> },
            // while it is back with the unit: when it was returned (the reason is above)
            ...(report.state === 'returned' && report.returnedAt ? [{ key: 'returned', label: t('reporting.columns.returnedAt'), children: <StepTime report={report} step="returned" testId="report-returned" /> }] : []),
            { key: 'period', label: t('reporting.columns.period'), children: periodText(t, report.period) },
          ]}
        />
      </Flex>
    </Card>
  );
}
