import { Card, Col, Descriptions, Flex, Row, Typography, theme } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Plan } from '@lantu/core';
import { StatusTag } from '../../../ui/StatusTag';
import { PlanKindTag, ProgressBar } from './bits';

/** One card per plan: kind, years, size, overall progress and status, red items. */
export function PlanCards({ plans }: { plans: Plan[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  // strategic plans first, then annual plans newest first
  const sorted = [...plans].sort((a, b) => (a.kind === b.kind ? b.startYear - a.startYear : a.kind === 'strategic' ? -1 : 1));
  return (
    <Row gutter={[token.marginMD, token.marginMD]} data-testid="plan-cards">
      {sorted.map((p) => (
        <Col key={p.id} xs={24} lg={12} xxl={8}>
          <Card
            hoverable
            onClick={() => void navigate(`/plans/${p.id}`)}
            style={{ cursor: 'pointer' }}
            data-testid={`plan-card-${p.id}`}
            title={
              <Flex gap={token.marginXS} align="center" style={{ minWidth: 0 }}>
                <PlanKindTag kind={p.kind} />
                <Link to={`/plans/${p.id}`} data-testid={`plan-open-${p.id}`} style={{ minWidth: 0 }}>
                  <Typography.Text strong ellipsis={{ tooltip: p.title }} style={{ color: token.colorLink }}>
                    {p.title}
                  </Typography.Text>
                </Link>
              </Flex>
            }
            extra={<StatusTag status={p.planStatus} testId={`plan-status-${p.id}`} />}
          >
            <Flex vertical gap={token.marginSM}>
              <Typography.Text type="secondary">{t('plans.overallProgress')}</Typography.Text>
              <ProgressBar progress={p.progress} status={p.planStatus} size="default" testId={`plan-progress-${p.id}`} />
              <Descriptions
                size="small"
                column={3}
                items={[
                  {
                    key: 'years',
                    label: t('plans.years'),
                    children: p.startYear === p.endYear ? t('plans.yearOne', { year: p.startYear }) : t('plans.yearRange', { from: p.startYear, to: p.endYear }),
                  },
                  { key: 'items', label: t('plans.itemCount'), children: p.itemCount },
                  {
                    key: 'red',
                    label: t('plans.redCount'),
                    children: (
                      <Typography.Text type={p.redCount > 0 ? 'danger' : undefined} strong={p.redCount > 0} data-testid={`plan-red-${p.id}`}>
                        {p.redCount}
                      </Typography.Text>
                    ),
                  },
                ]}
              />
              {p.description && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: p.description }} style={{ margin: 0 }}>
                  {p.description}
                </Typography.Paragraph>
              )}
              <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
                {t('plans.levelsLine', { levels: p.levelLabels.join(' / ') })}
                {p.status !== 'active' && ` · ${t(`plans.planState.${p.status}`)}`}
              </Typography.Text>
            </Flex>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
