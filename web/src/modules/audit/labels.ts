import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Actions the platform records so far (filter suggestions); unknown ones still display raw. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.rate_limited',
  'auth.lockout',
  'auth.totp',
  'auth.totp_failed',
  'auth.totp_enrol',
  'auth.logout',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.unlock',
  'user.reset_password',
  'user.reset_totp',
  'user.password_change',
  'grant.add',
  'grant.remove',
  'unit.create',
  'unit.update',
  'unit.delete',
  'policy.update',
  'audit.export',
  'users.export',
  'system.backup',
  'system.restore',
  'system.seed',
  'zone.create',
] as const;

export const AUDIT_OBJECT_TYPES = ['user', 'unit', 'security_policy', 'audit_event', 'zone', 'backup'] as const;

/** Label lookups that fall back to the raw key when a translation is missing. */
export function useAuditLabels() {
  const { t } = useTranslation();
  const label = useCallback(
    (prefix: string, key: string | null): string => {
      if (!key) return '';
      const value: unknown = t(`${prefix}.${key}`, { returnObjects: true, defaultValue: key });
      return typeof value === 'string' ? value : key;
    },
    [t],
  );
  return {
    action: (a: string) => label('audit.actions', a),
    objectType: (o: string | null) => label('audit.objectTypes', o),
    role: (r: string | null) => label('roles', r),
  };
}
