import { Suspense, useState } from 'react';
import { Layout, Menu, theme, Typography, Flex } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  FlagOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  HomeOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useCurrentUser } from '../modules/auth/hooks';
import { ACCESS, PATHS, type Screen } from './access';
import { AppHeader } from './AppHeader';
import { BlockSpin } from '../ui/FullPageSpin';
import { BrandMark } from '../ui/BrandMark';

/** Menu entries; `label` names the i18n key where it is not `common.nav.<key>` (a domain's own file). */
const NAV: { key: Screen; icon: React.ReactNode; label?: string }[] = [
  { key: 'home', icon: <HomeOutlined /> },
  { key: 'plans', icon: <FlagOutlined /> },
  { key: 'projects', icon: <FundProjectionScreenOutlined />, label: 'projects.nav' },
  { key: 'reports', icon: <FormOutlined />, label: 'reporting.nav.reports' },
  { key: 'cycles', icon: <CalendarOutlined />, label: 'reporting.nav.cycles' },
  { key: 'channels', icon: <NotificationOutlined />, label: 'notifications.nav.channels' },
  { key: 'units', icon: <ApartmentOutlined /> },
  { key: 'users', icon: <TeamOutlined /> },
  { key: 'security', icon: <SafetyCertificateOutlined /> },
  { key: 'audit', icon: <AuditOutlined /> },
];

/** Pages that live under another screen's menu entry (an indicator belongs to its plan). */
const ALIASES: { prefix: string; screen: Screen }[] = [{ prefix: '/indicators/', screen: 'plans' }];

/** The screen whose path is the longest prefix of the current location. */
function activeScreen(pathname: string): Screen | undefined {
  const alias = ALIASES.find((a) => pathname.startsWith(a.prefix));
  if (alias) return alias.screen;
  return NAV.map((n) => n.key)
    .filter((k) => (PATHS[k] === '/' ? pathname === '/' : pathname.startsWith(PATHS[k])))
    .sort((a, b) => PATHS[b].length - PATHS[a].length)[0];
}

/** Signed-in frame: side menu with only the screens the user's roles may use, header, content. */
export default function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const items: MenuProps['items'] = NAV.filter((n) => hasAnyRole(me, ACCESS[n.key])).map((n) => ({
    key: n.key,
    icon: n.icon,
    label: t(n.label ?? `common.nav.${n.key}`),
    'data-testid': `nav-${n.key}`,
  }));
  const active = activeScreen(pathname);

  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="app-layout">
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" data-testid="side-nav">
        <Flex align="center" gap={token.marginXS} style={{ height: token.controlHeightLG * 1.6, paddingInline: token.paddingLG }}>
          <BrandMark size={token.controlHeight} />
          {!collapsed && (
            <Typography.Text strong style={{ color: token.colorTextLightSolid, fontSize: token.fontSizeLG }}>
              {t('common.appName')}
            </Typography.Text>
          )}
        </Flex>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={active ? [active] : []}
          onClick={({ key }) => void navigate(PATHS[key as Screen])}
        />
      </Layout.Sider>
      <Layout>
        <AppHeader />
        <Layout.Content style={{ padding: token.paddingLG }}>
          <Suspense fallback={<BlockSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', paddingBlock: token.paddingSM }}>
          <Typography.Text type="secondary">{t('common.footer')}</Typography.Text>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
