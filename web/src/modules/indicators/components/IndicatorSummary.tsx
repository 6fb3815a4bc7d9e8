import { Alert, Card, Col, Descriptions, Flex, Row, Statistic, Typography, theme } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '@lantu/core';
import { StatusTag } from '../../../ui/StatusTag';
import { targetPhrase, useFormat, usesRatio } from '../format';
import { projectFilterWords } from '../projectFilter';
import { KindTag } from './KindTag';

/** What the indicator asks for (kind explained, target as the plan states it) and where it stands. */
export function IndicatorSummary({ indicator: ind }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const f = useFormat();
  const ev = ind.evaluation;
  const u = ind.unitOfMeasure;
  const phrase = targetPhrase(ind, f);
  const asOf = ev.month > 0 ? t('indicators.asOfMonth', { m: ev.month }) : t('indicators.nothingDue');

  const judged = usesRatio(ind.kind)
    ? { title: t('indicators.eval.ratio'), value: f.pct(ev.ratio) }
    : ind.kind === 'growth'
      ? { title: t('indicators.eval.gap'), value: ev.gap === null ? '—' : t('indicators.gapPp', { gap: f.signed(ev.gap) }) }
      : { title: t('indicators.eval.bound'), value: ind.limitMode === 'about' ? `${f.num(ind.bandLow)}–${f.qty(ind.bandHigh, u)}` : f.qty(ind.target, u) };

  return (
    <Flex vertical gap={token.marginMD} data-testid="indicator-summary">
      <Card styles={{ body: { padding: token.paddingMD } }}>
        <Row gutter={[token.marginLG, token.marginMD]}>
          <Col xs={24} xl={10}>
            <Flex vertical gap={token.marginXS}>
              <Flex gap={token.marginXS} align="center">
                <KindTag kind={ind.kind} />
                <Typography.Text type="secondary">{t(`indicators.kindHelp.${ind.kind}`)}</Typography.Text>
              </Flex>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="indicator-target-phrase">
                <AimOutlined style={{ color: token.colorPrimary, marginInlineEnd: token.marginXS }} />
                {t(phrase.key, phrase.values)}
              </Typography.Title>
              {ind.sourceText && (
                <Typography.Text type="secondary" italic data-testid="indicator-source-text">
                  {t('indicators.sourceQuote', { text: ind.sourceText })}
                </Typography.Text>
              )}
              <Descriptions
                size="small"
                column={2}
                style={{ marginTop: token.marginXS }}
                items={[
                  {
                    key: 'item',
                    label: t('indicators.fields.item'),
                    span: 2,
                    children: (
                      <Link to={`/plans/${ind.planId}/items/${ind.itemId}`} data-testid="indicator-item-link">
                        {ind.itemCode} {ind.itemTitle}
                      </Link>
                    ),
                  },
                  { key: 'unit', label: t('indicators.fields.reportingUnitId'), children: ind.reportingUnitName ?? '—' },
                  { key: 'freq', label: t('indicators.fields.frequency'), children: t(`indicators.frequency.${ind.frequency}`) },
                  { key: 'source', label: t('indicators.fields.source'), children: t(`indicators.source.${ind.source}`, { defaultValue: ind.source }) },
                  { key: 'year', label: t('indicators.fields.year'), children: ind.year },
                  ...(ind.formula ? [{ key: 'formula', label: t('indicators.fields.formula'), span: 2, children: <Typography.Text code>{ind.formula}</Typography.Text> }] : []),
                ]}
              />
            </Flex>
          </Col>
          <Col xs={24} xl={14}>
            <Flex vertical gap={token.marginSM}>
              <Flex gap={token.marginXS} align="center">
                <Typography.Text type="secondary">{t('indicators.eval.title', { asOf })}</Typography.Text>
                <StatusTag status={ev.status} testId="indicator-status" />
              </Flex>
              <Flex wrap gap={`${token.marginMD}px ${token.marginXL}px`} data-testid="indicator-evaluation">
                <Statistic title={judged.title} value={judged.value} data-testid="indicator-judged" />
                {ind.kind !== 'limit' && (
                  <Statistic
                    title={ind.kind === 'growth' ? t('indicators.eval.targetRate') : ind.kind === 'amount' ? t('indicators.eval.expected') : t('indicators.eval.expectedPath')}
                    value={f.qty(ev.expected ?? (ind.kind === 'growth' ? ind.target : null), u)}
                    data-testid="indicator-expected"
                  />
                )}
                <Statistic
                  title={t(`indicators.eval.actual.${ind.kind}`)}
                  value={f.qty(ev.actual, u)}
                  styles={{ content: { color: ev.status === 'red' ? token.colorError : ev.status === 'yellow' ? token.colorWarning : undefined } }}
                  data-testid="indicator-actual"
                />
                <Statistic title={t('indicators.eval.forecast')} value={f.qty(ev.forecast, u)} data-testid="indicator-forecast" />
              </Flex>
            </Flex>
          </Col>
        </Row>
      </Card>
      {ind.source === 'projects' && (
        <Alert
          type="info"
          showIcon
          title={t('indicators.projectFilter.computed')}
          description={ind.projectFilter ? t('indicators.projectFilter.computedHint', { words: projectFilterWords(t, ind.projectFilter, ind.kind) }) : t('indicators.projectFilter.noFilter')}
          data-testid="indicator-computed"
        />
      )}
      {ev.atRisk && (
        <Alert
          type="warning"
          showIcon
          title={t('indicators.atRisk')}
          description={t('indicators.atRiskHint', { forecast: f.qty(ev.forecast, u), target: f.qty(ind.target, u) })}
          data-testid="indicator-at-risk"
        />
      )}
    </Flex>
  );
}
