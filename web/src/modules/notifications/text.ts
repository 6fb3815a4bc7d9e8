import { type useTranslation } from 'react-i18next';
import type { Notification } from '@lantu/core';
import { periodText } from '../reporting/format';

type TFn = ReturnType<typeof useTranslation>['t'];

/**
 * The message of a notification in the reader's language, from its kind and params: the month in
 * words, a notification kind (of a failed delivery) by its name; a channel test is a remind with `test`.
 */
export function notificationText(t: TFn, n: Pick<Notification, 'kind' | 'params'>): string {
  const p: Record<string, string | number> = { ...n.params };
  if (typeof p.period === 'string') p.period = periodText(t, p.period);
  if (typeof p.kind === 'string') p.kind = t(`notifications.kindNames.${p.kind}`, { defaultValue: p.kind });
  const key = n.kind === 'remind' && n.params.test ? 'remind_test' : n.kind;
  return t(`notifications.kinds.${key}`, { ...p, defaultValue: t('notifications.kindNames.' + n.kind) });
}
