import { Card, Col, Descriptions, Row, Tag, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../modules/auth/hooks';
import { MembershipList } from '../../modules/auth/components/MembershipList';
import { useZone } from '../../modules/zones/hooks';
import { useUnitTree } from '../../modules/units/hooks';
import { OrgTree } from '../../modules/units/components/OrgTree';
import { isApiError } from '../../api/client';
import { errorText } from '../../api/useApiError';
import { PageContainer } from '../../ui/PageContainer';
import { RoleTag } from '../../ui/RoleTag';

function greetingKey(hour: number): string {
  if (hour < 11) return 'home.greeting.morning';
  if (hour < 13) return 'home.greeting.noon';
  if (hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

/** Start page: who I am, which zone, where I sit in the organisation. */
export default function HomePage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const me = useCurrentUser();
  const zone = useZone();
  const units = useUnitTree();
  const zoneData = zone.data ?? { ...me.zone, code: undefined };
  const unitsForbidden = isApiError(units.error) && units.error.code === 'forbidden';

  return (
    <PageContainer testId="page-home" title={t(greetingKey(dayjs().hour()), { name: me.user.displayName })} subtitle={dayjs().format(t('home.todayFormat'))}>
      <Card data-testid="welcome-card">
        <Typography.Paragraph style={{ marginBottom: token.marginXS }}>
          {t('home.welcome', { zone: me.zone.name })}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('home.yourRoles')} </Typography.Text>
        {me.roles.map((r) => (
          <RoleTag key={r} role={r} />
        ))}
      </Card>
      <Row gutter={[token.marginMD, token.marginMD]}>
        <Col xs={24} lg={10}>
          <Card title={t('home.zone')} data-testid="zone-card" style={{ marginBottom: token.marginMD }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'name', label: t('home.zoneName'), children: zoneData.name },
                ...(zoneData.code ? [{ key: 'code', label: t('home.zoneCode'), children: zoneData.code }] : []),
                { key: 'asOf', label: t('common.asOfDate'), children: zoneData.asOfDate },
                {
                  key: 'data',
                  label: t('home.dataSet'),
                  children: zoneData.isDemo ? <Tag color="orange">{t('common.demoData')}</Tag> : t('home.liveData'),
                },
              ]}
            />
          </Card>
          <Card title={t('home.memberships')} data-testid="memberships-card">
            <MembershipList memberships={me.memberships} />
          </Card>
        </Col>
        {!unitsForbidden && (
          <Col xs={24} lg={14}>
            <Card title={t('home.orgTree')} data-testid="org-card" loading={units.isPending}>
              {units.error ? (
                <Typography.Text type="danger">{errorText(t, units.error)}</Typography.Text>
              ) : (
                <OrgTree tree={units.tree} />
              )}
            </Card>
          </Col>
        )}
      </Row>
    </PageContainer>
  );
}
