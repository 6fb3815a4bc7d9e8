import { memo, useMemo } from 'react';
import { Alert, Button, Checkbox, Col, Flex, Input, Row, Tag, Tooltip, Typography, theme } from 'antd';
import { CheckCircleOutlined, LoadingOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldIssue, ReportLine } from '@lantu/core';
import { fieldsOfLine, needsNote } from '../lines';
import { numberText } from '../format';
import { reportingErrorText } from '../errors';
import { useLineDraft } from '../useLineDraft';
import { LineInputs } from './LineInputs';
import { LineFlags } from './LineFlags';
import { LineEvidence } from './LineEvidence';
import { ConflictNotice } from './ConflictNotice';

/** Review mode: the reviewer ticks the line and gives a reason. */
export interface LineReview {
  checked: boolean;
  reason: string;
  onChange: (checked: boolean, reason: string) => void;
}

interface Props {
  reportId: string;
  line: ReportLine;
  editable: boolean;
  /** What a refused submit said about this line. */
  submitIssues: FieldIssue[];
  onSaved: (lineId: string) => void;
  review: LineReview | null;
}

/** Last month's figure of the line, as its kind shows it (项目 in 万元, in the reader's words). */
function previousText(line: ReportLine, wan: string): string {
  if (line.previous === null) return '—';
  if (line.kind === 'item') return line.previous;
  const unit = line.kind === 'project' ? wan : line.unitOfMeasure;
  return `${numberText(line.previous)}${unit ? ` ${unit}` : ''}`;
}

/** One line of the report form: label, last month, the inputs, note and evidence; saved when focus leaves it. */
export const LineEditor = memo(function LineEditor({ reportId, line, editable, submitIssues, onSaved, review }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const fields = useMemo(() => fieldsOfLine(line), [line]);
  const d = useLineDraft(reportId, line, fields, onSaved);
  const issues = [...submitIssues, ...d.issues];
  const marked = issues.length > 0 || (review?.checked ?? false);

  const onBlur = (e: React.FocusEvent<HTMLDivElement>) => {
    if (editable && !e.currentTarget.contains(e.relatedTarget as Node | null)) void d.save();
  };

  return (
    <div
      data-testid={`report-line-${line.id}`}
      data-kind={line.kind}
      data-code={line.code ?? ''}
      data-marked={marked ? 'true' : 'false'}
      onBlur={onBlur}
      style={{
        padding: token.paddingSM,
        borderBottom: `${token.lineWidth}px solid ${token.colorBorderSecondary}`,
        borderInlineStart: `${token.lineWidthBold}px solid ${marked ? token.colorError : 'transparent'}`,
        background: marked ? token.colorErrorBg : undefined,
      }}
    >
      <Row gutter={[token.marginSM, token.marginXS]} align="top">
        <Col xs={24} lg={6}>
          <Flex gap={token.marginXXS} align="baseline" wrap>
            {/* an item's own line sits in its group, which already names the item */}
            {line.code && line.kind !== 'item' && <Typography.Text code>{line.code}</Typography.Text>}
            <Typography.Text strong>{line.kind === 'item' ? t('reporting.itemLine') : line.label}</Typography.Text>
            {line.unitOfMeasure && line.kind === 'indicator' && <Tag variant="filled">{line.unitOfMeasure}</Tag>}
            {!line.filled && <Tag data-testid={`line-unfilled-${line.id}`}>{t('reporting.unfilled')}</Tag>}
          </Flex>
          <LineFlags line={line} issues={issues} />
        </Col>
        <Col xs={8} lg={3}>
          <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>{t('reporting.previous')}</Typography.Text>
          <div data-testid={`line-previous-${line.id}`}>
            <Typography.Paragraph ellipsis={{ rows: 3, tooltip: true }} style={{ margin: 0 }}>{previousText(line, t('reporting.wan'))}</Typography.Paragraph>
          </div>
        </Col>
        <Col xs={16} lg={5}>
          <LineInputs line={line} draft={d.draft} onChange={d.change} disabled={!editable} />
        </Col>
        <Col xs={24} lg={6}>
          {editable ? (
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={2000}
            status={needsNote(line) ? 'warning' : undefined}
            value={d.draft.note}
            onChange={(e) => d.change({ note: e.target.value })}
            placeholder={line.kind === 'item' ? t('reporting.itemNotePlaceholder') : t('reporting.notePlaceholder')}
            aria-label={t('reporting.fields.note')}
            data-testid={`line-note-${line.id}`}
          />
          ) : (
            <Typography.Paragraph type={line.note ? undefined : 'secondary'} style={{ margin: 0 }} data-testid={`line-note-${line.id}`}>
              {line.note ?? '—'}
            </Typography.Paragraph>
          )}
        </Col>
        <Col xs={20} lg={3}>
          <LineEvidence reportId={reportId} line={line} editable={editable} />
        </Col>
        <Col xs={4} lg={1}>
          {editable && <SaveButton state={d.state} dirty={d.dirty} onSave={() => void d.save()} lineId={line.id} />}
        </Col>
      </Row>
      {d.conflict && <ConflictNotice line={line} conflict={d.conflict} onClose={d.dismissConflict} />}
      {d.failed !== null && <Alert type="error" showIcon style={{ marginTop: token.marginXS }} title={reportingErrorText(t, d.failed)} />}
      {review && (
        <Flex gap={token.marginSM} align="center" style={{ marginTop: token.marginXS }}>
          <Checkbox checked={review.checked} onChange={(e) => review.onChange(e.target.checked, review.reason)} data-testid={`line-return-${line.id}`}>
            {t('reporting.returnThisLine')}
          </Checkbox>
          {review.checked && (
            <Input
              autoFocus
              maxLength={1000}
              value={review.reason}
              onChange={(e) => review.onChange(true, e.target.value)}
              placeholder={t('reporting.returnReasonPlaceholder')}
              status={review.reason.trim() ? undefined : 'error'}
              style={{ flex: 1 }}
              data-testid={`line-return-reason-input-${line.id}`}
            />
          )}
        </Flex>
      )}
    </div>
  );
});

function SaveButton({ state, dirty, onSave, lineId }: { state: string; dirty: boolean; onSave: () => void; lineId: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (state === 'saving') return <LoadingOutlined data-testid={`line-saving-${lineId}`} />;
  if (!dirty && state === 'saved') return <Tooltip title={t('common.saved')}><CheckCircleOutlined style={{ color: token.colorSuccess }} data-testid={`line-saved-${lineId}`} /></Tooltip>;
  return (
    <Tooltip title={t('reporting.saveLine')}>
      <Button type={dirty ? 'primary' : 'text'} size="small" icon={<SaveOutlined />} disabled={!dirty} onClick={onSave} aria-label={t('reporting.saveLine')} data-testid={`line-save-${lineId}`} />
    </Tooltip>
  );
}
