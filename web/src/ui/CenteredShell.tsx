import type { ReactNode } from 'react';
import { Card, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { BrandMark } from './BrandMark';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  testId: string;
  subtitle: ReactNode;
  children: ReactNode;
}

/**
 * The signed-out frame (login, forced password change): a centred card on a faint
 * blueprint grid, language switch in the corner. Zone-neutral on purpose.
 */
export function CenteredShell({ testId, subtitle, children }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const grid = token.colorPrimaryBgHover;
  const background = [
    `linear-gradient(${grid} 1px, transparent 1px)`,
    `linear-gradient(90deg, ${grid} 1px, transparent 1px)`,
    `radial-gradient(circle at 20% 10%, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 70%)`,
  ].join(', ');
  const cell = token.sizeXXL * 1.5;

  return (
    <Flex
      vertical
      data-testid={testId}
      style={{
        minHeight: '100vh',
        backgroundColor: token.colorBgLayout,
        backgroundImage: background,
        backgroundSize: `${cell}px ${cell}px, ${cell}px ${cell}px, 100% 100%`,
      }}
    >
      <Flex justify="flex-end" style={{ padding: token.padding }}>
        <LanguageSwitch type="default" />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: token.padding }}>
        <Card
          style={{ width: '100%', maxWidth: token.screenXS, boxShadow: token.boxShadowSecondary }}
          styles={{ body: { padding: token.paddingXL } }}
        >
          <Flex vertical align="center" gap={token.marginXS} style={{ marginBottom: token.marginLG }}>
            <BrandMark size={token.sizeXXL * 1.25} />
            <Typography.Title level={2} style={{ margin: 0 }} data-testid="app-name">
              {t('common.appName')}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
              {subtitle}
            </Typography.Text>
          </Flex>
          {children}
        </Card>
      </Flex>
      <Flex justify="center" style={{ padding: token.padding }}>
        <Typography.Text type="secondary">{t('common.footer')}</Typography.Text>
      </Flex>
    </Flex>
  );
}
