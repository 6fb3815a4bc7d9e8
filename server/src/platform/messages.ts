import type { ErrorCode, FieldIssue } from '@lantu/core';

export type Locale = 'zh-CN' | 'en-US';

/** Picks zh-CN (the source language) unless the client prefers English. */
export function pickLocale(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

const MESSAGES: Record<ErrorCode, [string, string]> = {
  validation_failed: ['提交的数据有误', 'The submitted data is invalid'],
  invalid_json: ['请求内容不是有效的 JSON', 'The request body is not valid JSON'],
  bad_request: ['请求无效', 'The request is invalid'],
  password_policy: ['密码不符合安全策略', 'The password does not meet the security policy'],
  unauthenticated: ['请先登录', 'Please sign in'],
  login_failed: ['用户名或密码错误，或账户已被临时锁定', 'Wrong username or password, or the account is temporarily locked'],
  totp_invalid: ['动态验证码错误', 'The verification code is wrong'],
  totp_required: ['需要动态验证码', 'A verification code is required'],
  session_expired: ['会话已过期，请重新登录', 'Your session has expired; please sign in again'],
  forbidden: ['没有权限执行此操作', 'You are not allowed to do this'],
  password_change_required: ['请先修改初始密码', 'Please change your initial password first'],
  csrf_failed: ['请求来源校验失败，请刷新页面后重试', 'The request origin check failed; reload the page and try again'],
  not_found: ['未找到', 'Not found'],
  conflict: ['与现有数据冲突', 'This conflicts with existing data'],
  version_conflict: ['数据已被他人修改，请刷新后重试', 'Someone else changed this; reload and try again'],
  payload_too_large: ['提交的内容过大', 'The request is too large'],
  unsupported_media_type: ['不支持的内容类型', 'Unsupported content type'],
  rate_limited: ['操作过于频繁，请稍后再试', 'Too many attempts; try again later'],
  internal: ['服务器内部错误', 'Internal server error'],
  service_unavailable: ['服务正在停止或暂不可用', 'The service is stopping or unavailable'],
};

/** The user-facing message for an error code; for validation errors it names the fields. */
export function messageFor(code: ErrorCode, locale: Locale, details?: unknown): string {
  const [zh, en] = MESSAGES[code];
  const base = locale === 'en-US' ? en : zh;
  const fields = (details as { fields?: FieldIssue[] } | undefined)?.fields;
  if (code === 'validation_failed' && Array.isArray(fields) && fields.length > 0) {
    const names = fields.map((f) => f.field).join(', ');
    return locale === 'en-US' ? `${base}: ${names}` : `${base}：${names}`;
  }
  return base;
}
