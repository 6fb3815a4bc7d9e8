import { Badge, Collapse, Flex, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '@lantu/core';
import { type LineGroup, needsNote } from '../lines';
import { LineEditor, type LineReview } from './LineEditor';

export interface ReviewMarks {
  [lineId: string]: { checked: boolean; reason: string };
}

interface Props {
  reportId: string;
  groups: LineGroup[];
  editable: boolean;
  submitIssues: ReadonlyMap<string, FieldIssue[]>;
  onSaved: (lineId: string) => void;
  /** Review mode's marks, or null outside review. */
  review: ReviewMarks | null;
  onReview: (lineId: string, checked: boolean, reason: string) => void;
  open: string[];
  onOpen: (keys: string[]) => void;
}

function GroupLabel({ group }: { group: LineGroup }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const filled = group.lines.filter((l) => l.filled).length;
  const unexplained = group.lines.filter(needsNote).length;
  const returned = group.lines.filter((l) => l.returnReason).length;
  return (
    <Flex justify="space-between" align="center" gap={token.marginSM} wrap>
      <Flex gap={token.marginXS} align="baseline">
        {group.code && <Typography.Text code>{group.code}</Typography.Text>}
        <Typography.Text strong>{group.title}</Typography.Text>
      </Flex>
      <Flex gap={token.marginXS} align="center">
        {unexplained > 0 && <Tag color="warning">{t('reporting.unexplainedCount', { count: unexplained })}</Tag>}
        {returned > 0 && <Tag color="error">{t('reporting.returnedLineCount', { count: returned })}</Tag>}
        <Badge
          count={`${filled}/${group.lines.length}`}
          color={filled === group.lines.length ? token.colorSuccess : token.colorTextQuaternary}
          data-testid={`line-group-filled-${group.key}`}
        />
      </Flex>
    </Flex>
  );
}

/** The report's lines as collapsible groups: one per plan item, then the key projects. */
export function LineGroups({ reportId, groups, editable, submitIssues, onSaved, review, onReview, open, onOpen }: Props) {
  const noIssues: FieldIssue[] = [];
  return (
    <Collapse
      activeKey={open}
      onChange={(keys) => onOpen(Array.isArray(keys) ? keys : [keys])}
      data-testid="report-lines"
      items={groups.map((g) => ({
        key: g.key,
        label: <GroupLabel group={g} />,
        'data-testid': `line-group-${g.code ?? g.key}`,
        styles: { body: { padding: 0 } },
        children: g.lines.map((l) => {
          const mark = review?.[l.id] ?? { checked: false, reason: '' };
          const lineReview: LineReview | null = review ? { ...mark, onChange: (checked, reason) => onReview(l.id, checked, reason) } : null;
          return (
            <LineEditor
              key={l.id}
              reportId={reportId}
              line={l}
              editable={editable}
              submitIssues={submitIssues.get(l.id) ?? noIssues}
              onSaved={onSaved}
              review={lineReview}
            />
          );
        }),
      }))}
    />
  );
}
