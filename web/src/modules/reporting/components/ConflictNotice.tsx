import { Alert, Descriptions, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportLine } from '@lantu/core';
import { draftOf, type LineDraft } from '../lines';
import type { LineConflict } from '../useLineDraft';
import { numberText } from '../format';

/** The figure that matters most on a line of each kind, for the conflict notice. */
function mainOf(line: ReportLine, d: LineDraft): { value: string; note: string } {
  const value = line.kind === 'indicator' ? d.value : line.kind === 'project' ? d.completedInvestment : d.progress;
  return { value: value === '' ? '—' : numberText(value), note: d.note || '—' };
}

/** "Someone else changed this line": their saved figures (now shown) beside what this user typed. */
export function ConflictNotice({ line, conflict, onClose }: { line: ReportLine; conflict: LineConflict; onClose: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const theirs = mainOf(line, draftOf(conflict.theirs));
  const mine = mainOf(line, conflict.mine);
  return (
    <Alert
      type="warning"
      showIcon
      closable={{ onClose }}
      style={{ marginTop: token.marginXS }}
      data-testid={`line-conflict-${line.id}`}
      title={t('reporting.conflict.title')}
      description={
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'theirs', label: t('reporting.conflict.theirs'), children: t('reporting.conflict.valueNote', theirs) },
            { key: 'mine', label: t('reporting.conflict.mine'), children: t('reporting.conflict.valueNote', mine) },
            { key: 'hint', label: t('reporting.conflict.what'), children: t('reporting.conflict.hint') },
          ]}
        />
      }
    />
  );
}
