import { Card, Col, Descriptions, Flex, Progress, Row, Statistic, Typography, theme } from 'antd';
import { ExclamationCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Project } from '@lantu/core';
import { useStatusColor } from '../../../ui/StatusTag';
import { useMoney } from '../format';
import { BatchTags, CategoryText, ProjectStatusTag, StageTag, useReasonTexts } from './bits';

/** Who and what the project is, and where its money stands against the plan. */
export function ProjectHeader({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const colorOf = useStatusColor();
  const m = useMoney();
  const reasons = useReasonTexts()(p);
  const share = p.totalInvestment > 0 ? Math.min(1, p.cumulativeInvestment / p.totalInvestment) : 0;
  const ytdShare = p.annualInvestment > 0 ? Math.min(1, p.yearToDate / p.annualInvestment) : 0;
  const where = [p.address, p.lat !== null && p.lng !== null ? `${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}` : null].filter(Boolean).join(' · ');

  return (
    <Card data-testid="project-header">
      <Row gutter={[token.marginLG, token.marginMD]}>
        <Col xs={24} xl={14}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'status', label: t('projects.fields.status'), children: <Flex gap={token.marginXS}><ProjectStatusTag project={p} testId="project-status" /><StageTag stage={p.stage} /></Flex> },
              { key: 'category', label: t('projects.fields.category'), children: <CategoryText category={p.category} /> },
              { key: 'enterprise', label: t('projects.fields.enterprise'), children: p.enterprise ?? '—' },
              { key: 'unit', label: t('projects.fields.leadUnitId'), children: <span data-testid="project-lead-unit">{p.leadUnitName ?? '—'}</span> },
              { key: 'leader', label: t('projects.fields.leaderId'), children: p.leaderName ?? '—' },
              { key: 'year', label: t('projects.fields.year'), children: t('projects.yearValue', { year: p.year }) },
              { key: 'batches', label: t('projects.fields.batches'), children: <BatchTags batches={p.batches} /> },
              { key: 'public', label: t('projects.fields.isPublic'), children: p.isPublic ? t('projects.public') : t('projects.internal') },
              { key: 'address', label: t('projects.fields.address'), span: 2, children: where || '—' },
              ...(p.description ? [{ key: 'description', label: t('projects.fields.description'), span: 2, children: p.description }] : []),
            ]}
          />
          {reasons.length > 0 && <ReasonBox red={p.status === 'red'} reasons={reasons} />}
        </Col>
        <Col xs={24} xl={10}>
          <Row gutter={[token.marginMD, token.marginMD]}>
            <Col span={12}>
              <Statistic title={t('projects.fields.totalInvestment')} value={m.money(p.totalInvestment)} data-testid="project-total" />
            </Col>
            <Col span={12}>
              <Statistic title={t('projects.summary.cumulative')} value={m.money(p.cumulativeInvestment)} data-testid="project-cumulative" />
              <Progress percent={Math.round(share * 1000) / 10} size={['100%', 6]} strokeColor={token.colorPrimary} />
            </Col>
            <Col span={12}>
              <Statistic title={t('projects.fields.annualInvestment')} value={m.money(p.annualInvestment)} />
            </Col>
            <Col span={12}>
              <Statistic title={t('projects.summary.ytd')} value={m.money(p.yearToDate)} data-testid="project-ytd" />
              <Progress percent={Math.round(ytdShare * 1000) / 10} size={['100%', 6]} strokeColor={colorOf(p.status)} />
              <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
                {t('projects.ratioLine', { ratio: m.pct(p.investmentRatio) })}
              </Typography.Text>
            </Col>
          </Row>
        </Col>
      </Row>
    </Card>
  );
}

/**
 * Why the project is yellow or red, in the status colours. Not an error alert: a late project is
 * business news, not a failure of the page.
 */
function ReasonBox({ red, reasons }: { red: boolean; reasons: string[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex
      gap={token.marginXS}
      align="baseline"
      data-testid="project-reasons"
      style={{
        marginTop: token.marginSM,
        padding: `${token.paddingXS}px ${token.paddingSM}px`,
        borderRadius: token.borderRadiusLG,
        border: `${token.lineWidth}px solid ${red ? token.colorErrorBorder : token.colorWarningBorder}`,
        background: red ? token.colorErrorBg : token.colorWarningBg,
      }}
    >
      <ExclamationCircleFilled style={{ color: red ? token.colorError : token.colorWarning }} />
      <Typography.Text>{reasons.join(t('projects.listSeparator'))}</Typography.Text>
    </Flex>
  );
}
