import { Typography, theme } from 'antd';

/** Pretty-printed JSON (audit summaries) in a scrollable code block. */
export function JsonBlock({ value }: { value: unknown }) {
  const { token } = theme.useToken();
  const text = value === undefined ? '' : JSON.stringify(value, null, 2);
  return (
    <Typography>
      <pre style={{ margin: 0, maxHeight: 320, overflow: 'auto', fontSize: token.fontSizeSM }}>{text}</pre>
    </Typography>
  );
}
