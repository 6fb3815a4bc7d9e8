import { theme } from 'antd';

/** The Lantu mark: a blueprint sheet with a rising path, drawn in the primary colour. */
export function BrandMark({ size }: { size: number }) {
  const { token } = theme.useToken();
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" style={{ flex: 'none' }}>
      <rect width="32" height="32" rx="7" fill={token.colorPrimary} />
      <path
        d="M7 23 13 16l4 4 8-10"
        fill="none"
        stroke={token.colorTextLightSolid}
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <circle cx="25" cy="10" r="2.2" fill={token.colorTextLightSolid} />
    </svg>
  );
}
