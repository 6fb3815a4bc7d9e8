import { Avatar, Button, Dropdown, Flex, Layout, Space, Tag, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BUSINESS_ROLES } from '@lantu/core';
import { hasAnyRole, useCurrentUser, useLogout } from '../modules/auth/hooks';
import { NotificationBell } from '../modules/notifications/components/NotificationBell';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useApiError } from '../api/useApiError';

/** Zone, demo marker and business date on the left; the notification bell, language and the user's menu on the right. */
export function AppHeader() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();
  const showError = useApiError();

  const onLogout = () =>
    logout.mutate(undefined, {
      onError: (err) => showError(err),
      onSettled: () => void navigate('/login', { replace: true }),
    });

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <Flex vertical gap={token.marginXXS} data-testid="user-roles">
          <Typography.Text type="secondary">{me.user.username}</Typography.Text>
          <Space size={[0, token.marginXXS]} wrap>
            {me.roles.map((r) => (
              <Tag key={r} color="blue">{t(`roles.${r}`)}</Tag>
            ))}
          </Space>
        </Flex>
      ),
    },
    { type: 'divider' },
    { key: 'profile', icon: <UserOutlined />, label: t('common.userMenu.profile'), 'data-testid': 'menu-profile' },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: t('common.userMenu.changePassword'),
      'data-testid': 'menu-change-password',
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('common.userMenu.logout'), danger: true, 'data-testid': 'logout' },
  ];

  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') void navigate('/profile');
    if (key === 'password') void navigate('/profile#password');
    if (key === 'logout') onLogout();
  };

  return (
    <Layout.Header style={{ borderBottom: `${token.lineWidth}px solid ${token.colorBorderSecondary}` }}>
      <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={token.margin}>
        <Flex align="center" gap={token.marginSM} style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis style={{ fontSize: token.fontSizeLG }} data-testid="zone-name">
            {me.zone.name}
          </Typography.Text>
          {me.zone.isDemo && (
            <Tag color="orange" data-testid="demo-tag">{t('common.demoData')}</Tag>
          )}
          <Typography.Text type="secondary" data-testid="as-of-date">
            {t('common.asOfDateValue', { date: me.zone.asOfDate })}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={token.marginXS}>
          {hasAnyRole(me, BUSINESS_ROLES) && <NotificationBell />}
          <LanguageSwitch />
          <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']} placement="bottomRight">
            <Button type="text" data-testid="user-menu">
              <Space size={token.marginXS}>
                <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: token.colorPrimary }} />
                <span data-testid="user-display-name">{me.user.displayName}</span>
                <DownOutlined />
              </Space>
            </Button>
          </Dropdown>
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
