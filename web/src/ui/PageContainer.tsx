import type { ReactNode } from 'react';
import { Flex, Typography, theme } from 'antd';

interface Props {
  testId: string;
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  /** Breadcrumbs above the title (pages deep in a tree). */
  breadcrumb?: ReactNode;
  children: ReactNode;
}

/** The frame of a page: title row with actions, then content; the root carries the page test id. */
export function PageContainer({ testId, title, subtitle, extra, breadcrumb, children }: Props) {
  const { token } = theme.useToken();
  return (
    <div data-testid={testId}>
      {breadcrumb && <div style={{ marginBottom: token.marginSM }}>{breadcrumb}</div>}
      <Flex justify="space-between" align="flex-start" wrap gap={token.marginSM} style={{ marginBottom: token.marginMD }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
        </div>
        {extra && <Flex gap={token.marginXS} wrap>{extra}</Flex>}
      </Flex>
      <Flex vertical gap={token.marginMD}>
        {children}
      </Flex>
    </div>
  );
}
