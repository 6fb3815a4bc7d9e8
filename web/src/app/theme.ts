import type { ThemeConfig } from 'antd';

/** The one place colours, sizes and fonts are defined; components read them as tokens. */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    colorInfo: '#1f5fbf',
    colorLink: '#1f5fbf',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerPadding: '0 24px',
      siderBg: '#0f2a4f',
      triggerBg: '#0b2140',
    },
    Menu: {
      darkItemBg: '#0f2a4f',
      darkSubMenuItemBg: '#0b2140',
      darkItemSelectedBg: '#1f5fbf',
    },
  },
};
