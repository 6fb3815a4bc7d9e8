import { useEffect, useRef } from 'react';
import { Card, Col, Descriptions, Row, Tag, theme } from 'antd';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { needsTotp } from '@lantu/core';
import { useCurrentUser } from '../../modules/auth/hooks';
import { MembershipList } from '../../modules/auth/components/MembershipList';
import { ChangePasswordForm } from '../../modules/auth/components/ChangePasswordForm';
import { PageContainer } from '../../ui/PageContainer';
import { RoleTag } from '../../ui/RoleTag';

/** My account: who I am, where I belong, and changing my password. */
export default function ProfilePage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const me = useCurrentUser();
  const { hash } = useLocation();
  const passwordCard = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (hash === '#password') passwordCard.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [hash]);

  return (
    <PageContainer testId="page-profile" title={t('profile.title')}>
      <Row gutter={[token.marginMD, token.marginMD]}>
        <Col xs={24} lg={12}>
          <Card title={t('profile.account')} style={{ marginBottom: token.marginMD }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: t('fields.username'), children: me.user.username },
                { key: 'displayName', label: t('fields.displayName'), children: me.user.displayName },
                { key: 'roles', label: t('profile.roles'), children: me.roles.map((r) => <RoleTag key={r} role={r} />) },
                { key: 'zone', label: t('profile.zone'), children: me.zone.name },
                {
                  key: 'totp',
                  label: t('profile.totp'),
                  children: needsTotp(me.roles) ? <Tag color="blue">{t('profile.totpRequired')}</Tag> : t('profile.totpNotRequired'),
                },
                ...(me.user.isDemo ? [{ key: 'demo', label: t('profile.accountType'), children: <Tag color="orange">{t('profile.demoAccount')}</Tag> }] : []),
              ]}
            />
          </Card>
          <Card title={t('home.memberships')}>
            <MembershipList memberships={me.memberships} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <div ref={passwordCard} id="password">
            <Card title={t('auth.password.title')} data-testid="password-card">
              <ChangePasswordForm />
            </Card>
          </div>
        </Col>
      </Row>
    </PageContainer>
  );
}
