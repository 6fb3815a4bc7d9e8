import { Flex, Input, InputNumber, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportLine } from '@lantu/core';
import type { LineDraft } from '../lines';
import { numberText } from '../format';

interface Props {
  line: ReportLine;
  draft: LineDraft;
  onChange: (patch: Partial<LineDraft>) => void;
  disabled: boolean;
}

const numberInput = { controls: false, stringMode: true, style: { width: '100%' } } as const;

/** The saved figures as text, for whoever may not (or no longer) edit: easier to read than disabled inputs. */
function LineFigures({ line }: { line: ReportLine }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const unit = line.kind === 'project' ? t('reporting.wan') : line.kind === 'item' ? '%' : (line.unitOfMeasure ?? '');
  const main = line.kind === 'indicator' ? line.value : line.kind === 'project' ? line.completedInvestment : line.progress;
  return (
    <Flex vertical gap={token.marginXXS} data-testid={`line-figures-${line.id}`}>
      {(line.kind !== 'item' || main !== null) && (
        <Typography.Text strong>{main === null ? '—' : `${numberText(main)} ${unit}`}</Typography.Text>
      )}
      {line.kind === 'indicator' && line.indicatorKind === 'growth' && (line.currentAmount !== null || line.lastYearAmount !== null) && (
        <Typography.Text type="secondary">
          {t('reporting.fields.currentAmount')} {numberText(line.currentAmount)} / {t('reporting.fields.lastYearAmount')} {numberText(line.lastYearAmount)}
        </Typography.Text>
      )}
      {line.kind === 'project' && line.imageProgress && <Typography.Paragraph style={{ margin: 0 }}>{line.imageProgress}</Typography.Paragraph>}
    </Flex>
  );
}

/** The figures of a line by its kind: a value (or growth's two amounts), a project's month, an item's progress. */
export function LineInputs({ line, draft, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const id = line.id;
  if (disabled) return <LineFigures line={line} />;
  if (line.kind === 'indicator') {
    return (
      <Flex vertical gap={token.marginXXS}>
        {line.indicatorKind === 'growth' && (
          <Flex gap={token.marginXS}>
            <InputNumber<string>
              {...numberInput}
              disabled={disabled}
              value={draft.currentAmount || null}
              onChange={(v) => onChange({ currentAmount: v ?? '' })}
              placeholder={t('reporting.fields.currentAmount')}
              aria-label={t('reporting.fields.currentAmount')}
              data-testid={`line-current-${id}`}
            />
            <InputNumber<string>
              {...numberInput}
              disabled={disabled}
              value={draft.lastYearAmount || null}
              onChange={(v) => onChange({ lastYearAmount: v ?? '' })}
              placeholder={t('reporting.fields.lastYearAmount')}
              aria-label={t('reporting.fields.lastYearAmount')}
              data-testid={`line-last-year-${id}`}
            />
          </Flex>
        )}
        <InputNumber<string>
          {...numberInput}
          disabled={disabled}
          value={draft.value || null}
          onChange={(v) => onChange({ value: v ?? '' })}
          suffix={line.unitOfMeasure ?? undefined}
          placeholder={line.indicatorKind === 'growth' ? t('reporting.growthValueHint') : t('reporting.fields.value')}
          aria-label={t('reporting.fields.value')}
          data-testid={`line-value-${id}`}
        />
      </Flex>
    );
  }
  if (line.kind === 'project') {
    return (
      <Flex vertical gap={token.marginXXS}>
        <InputNumber<string>
          {...numberInput}
          precision={0}
          min="0"
          disabled={disabled}
          value={draft.completedInvestment || null}
          onChange={(v) => onChange({ completedInvestment: v ?? '' })}
          suffix={t('reporting.wan')}
          placeholder={t('reporting.fields.completedInvestment')}
          aria-label={t('reporting.fields.completedInvestment')}
          data-testid={`line-investment-${id}`}
        />
        {/* what remains of the total before this month (万元), as the server computes it */}
        {line.remaining !== null && (
          <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }} data-testid={`line-remaining-${id}`}>
            {t('reporting.remaining', { amount: numberText(line.remaining) })}
          </Typography.Text>
        )}
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={2000}
          disabled={disabled}
          value={draft.imageProgress}
          onChange={(e) => onChange({ imageProgress: e.target.value })}
          placeholder={t('reporting.fields.imageProgress')}
          aria-label={t('reporting.fields.imageProgress')}
          data-testid={`line-image-${id}`}
        />
      </Flex>
    );
  }
  // only items measured by hand take a progress %
  if (line.progressMethod !== 'manual') return <Typography.Text type="secondary">{t('reporting.itemNoteOnly')}</Typography.Text>;
  return (
    <InputNumber<string>
      {...numberInput}
      min="0"
      max="100"
      disabled={disabled}
      value={draft.progress || null}
      onChange={(v) => onChange({ progress: v ?? '' })}
      suffix="%"
      placeholder={t('reporting.fields.progress')}
      aria-label={t('reporting.fields.progress')}
      data-testid={`line-progress-${id}`}
    />
  );
}
