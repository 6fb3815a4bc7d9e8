import type { HTMLAttributes } from 'react';
import { theme } from 'antd';

interface Props extends HTMLAttributes<HTMLDivElement> {
  /** Inner padding in px; antd Card's body padding (paddingLG) by default. */
  padding?: number;
}

/**
 * A bordered surface that looks like antd's Card without head, cover or tabs. Card brings Tabs and
 * their styles with it, which the pages that load first (the plan tree) do not need.
 */
export function Panel({ padding, style, children, ...rest }: Props) {
  const { token } = theme.useToken();
  return (
    <div
      {...rest}
      style={{
        position: 'relative',
        background: token.colorBgContainer,
        border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        padding: padding ?? token.paddingLG,
        ...style,
      }}
    >
      {children}
    </div>
  );
}
