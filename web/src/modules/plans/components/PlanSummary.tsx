import { Col, Descriptions, Flex, Progress, Row, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUSES, type Plan, type Status } from '@lantu/core';
import { StatusTag, useStatusColor } from '../../../ui/StatusTag';
import { PlanKindTag } from './bits';
import { Panel } from '../../../ui/Panel';

interface Props {
  plan: Plan;
  asOfDate: string;
  counts: Record<Status, number> | null;
  activeStatus: Status | undefined;
  onStatus: (status: Status | undefined) => void;
}

/** The plan's roll-up: overall progress, facts, and one clickable count per status (a filter). */
export function PlanSummary({ plan, asOfDate, counts, activeStatus, onStatus }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const colorOf = useStatusColor();
  const pct = plan.progress === null ? 0 : Math.round(Math.min(1, plan.progress) * 1000) / 10;

  return (
    <Panel data-testid="plan-summary" padding={token.paddingMD}>
      <Row gutter={[token.marginLG, token.marginMD]} align="middle">
        <Col xs={24} md={6} xl={4}>
          <Flex vertical align="center" gap={token.marginXXS}>
            <Progress
              type="dashboard"
              percent={pct}
              size={96}
              strokeColor={colorOf(plan.planStatus)}
              format={() => (plan.progress === null ? '—' : `${pct}%`)}
              data-testid="plan-overall-progress"
            />
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('plans.overallProgress')}</Typography.Text>
            <StatusTag status={plan.planStatus} testId="plan-overall-status" />
          </Flex>
        </Col>
        <Col xs={24} md={18} xl={9}>
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'kind', label: t('plans.fields.kind'), children: <PlanKindTag kind={plan.kind} /> },
              {
                key: 'years',
                label: t('plans.years'),
                children: plan.startYear === plan.endYear ? t('plans.yearOne', { year: plan.startYear }) : t('plans.yearRange', { from: plan.startYear, to: plan.endYear }),
              },
              { key: 'asOf', label: t('common.asOfDate'), children: <span data-testid="plan-as-of">{asOfDate}</span> },
              { key: 'items', label: t('plans.itemCount'), children: plan.itemCount },
              { key: 'levels', label: t('plans.fields.levelLabels'), children: plan.levelLabels.join(' / '), span: 2 },
            ]}
          />
        </Col>
        <Col xs={24} xl={11}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: token.marginXS }}>
            {t('plans.statusCounts')}
          </Typography.Text>
          <Flex gap={token.marginXS} wrap data-testid="plan-status-counts">
            {STATUSES.map((s) => {
              const active = activeStatus === s;
              return (
                <button
                  key={s}
                  type="button"
                  onClick={() => onStatus(active ? undefined : s)}
                  aria-pressed={active}
                  data-testid={`status-count-${s}`}
                  style={{
                    cursor: 'pointer',
                    minWidth: 84,
                    padding: `${token.paddingXS}px ${token.paddingSM}px`,
                    borderRadius: token.borderRadiusLG,
                    border: `${token.lineWidth}px solid ${active ? colorOf(s) : token.colorBorderSecondary}`,
                    background: active ? token.colorFillTertiary : token.colorBgContainer,
                    textAlign: 'start',
                    font: 'inherit',
                  }}
                >
                  <Typography.Text strong style={{ fontSize: token.fontSizeHeading3, color: s === 'nodata' ? token.colorTextSecondary : colorOf(s), display: 'block', lineHeight: 1.2 }}>
                    {counts ? counts[s] : '—'}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
                    {t(`plans.status.${s}`)}
                  </Typography.Text>
                </button>
              );
            })}
          </Flex>
        </Col>
      </Row>
      {plan.description && (
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: 1, expandable: 'collapsible' }}
          style={{ margin: `${token.marginSM}px 0 0`, paddingTop: token.paddingSM, borderTop: `${token.lineWidth}px ${token.lineType} ${token.colorSplit}` }}
          data-testid="plan-description"
        >
          {plan.description}
        </Typography.Paragraph>
      )}
    </Panel>
  );
}
