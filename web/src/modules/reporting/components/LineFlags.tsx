import { Flex, Tag, Typography, theme } from 'antd';
import { CheckOutlined, RollbackOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldIssue, ReportLine } from '@lantu/core';
import { needsNote } from '../lines';
import { reportingFieldLabel, reportingIssueText } from '../errors';

/**
 * What a line has to say besides its figures: the checks' flags (a "needs a note" warning until a
 * note explains them), the reviewer's return reason in red, and what a refused submit said about it.
 */
export function LineFlags({ line, issues }: { line: ReportLine; issues: FieldIssue[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const unexplained = needsNote(line);
  if (line.flags.length === 0 && !line.returnReason && issues.length === 0) return null;
  return (
    <Flex vertical gap={token.marginXXS} style={{ marginTop: token.marginXXS }}>
      {line.flags.length > 0 && (
        <Flex gap={token.marginXXS} wrap>
          {line.flags.map((f) => (
            <Tag key={f} color={unexplained ? 'warning' : 'default'} icon={<WarningOutlined />} data-testid={`line-flag-${line.id}-${f}`}>
              {t(`reporting.flags.${f}`)}
            </Tag>
          ))}
          {unexplained ? (
            <Tag color="warning" data-testid={`line-needs-note-${line.id}`}>{t('reporting.needsNote')}</Tag>
          ) : (
            <Tag color="success" icon={<CheckOutlined />} data-testid={`line-explained-${line.id}`}>{t('reporting.explained')}</Tag>
          )}
        </Flex>
      )}
      {line.returnReason && (
        <Typography.Text type="danger" data-testid={`line-return-reason-${line.id}`}>
          <RollbackOutlined /> {t('reporting.returnReason', { reason: line.returnReason })}
        </Typography.Text>
      )}
      {issues.map((i) => (
        <Typography.Text key={`${i.field}:${i.issue}`} type="danger" data-testid={`line-issue-${line.id}`}>
          {i.field.split('.').length > 2 ? `${reportingFieldLabel(t, i.field)}: ` : ''}
          {reportingIssueText(t, i)}
        </Typography.Text>
      ))}
    </Flex>
  );
}
