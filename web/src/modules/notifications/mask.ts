/** Hides a secret-like part of a URL but its last four characters. */
const maskPart = (s: string) => (s.length > 6 ? `****${s.slice(-4)}` : '****');

/**
 * A robot webhook URL as a list shows it: the host and path stay readable, the token (a query value
 * such as wecom's `key` or dingtalk's `access_token`, or a long path segment such as feishu's hook id)
 * is masked.
 */
export function maskUrl(url: string | null): string {
  if (!url) return '—';
  try {
    const u = new URL(url);
    const path = u.pathname
      .split('/')
      .map((seg) => (seg.length >= 16 ? maskPart(seg) : seg))
      .join('/');
    const query = [...u.searchParams].map(([k, v]) => `${k}=${maskPart(v)}`).join('&');
    // a long path says little in a list; the host and the token's tail identify the robot
    return `${u.origin}${path.length > 24 ? `/…/${path.split('/').pop() ?? ''}` : path}${query ? `?${query}` : ''}`;
  } catch {
    return maskPart(url);
  }
}
