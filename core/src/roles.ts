/** Roles a user holds in a unit (product.md "Who uses it"). */
export const BUSINESS_ROLES = [
  'leader',
  'office',
  'unit_head',
  'reporter',
  'investment',
  'service_officer',
  'enterprise',
] as const;

/** 三权分立: each account holds at most one of these, and no business role with it. */
export const PRIVILEGED_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const;

export const ROLES = [...BUSINESS_ROLES, ...PRIVILEGED_ROLES] as const;

export type BusinessRole = (typeof BUSINESS_ROLES)[number];
export type PrivilegedRole = (typeof PRIVILEGED_ROLES)[number];
export type Role = (typeof ROLES)[number];

/** Roles whose accounts must pass a TOTP second factor (security.md). */
export const TOTP_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor', 'office'];

export function isPrivilegedRole(role: string): role is PrivilegedRole {
  return (PRIVILEGED_ROLES as readonly string[]).includes(role);
}

export function needsTotp(roles: readonly string[]): boolean {
  return roles.some((r) => (TOTP_ROLES as readonly string[]).includes(r));
}

/** Unit kinds of a zone's organisation tree. */
export const UNIT_KINDS = [
  'committee',
  'office',
  'bureau',
  'section',
  'subdistrict',
  'town',
  'township',
  'enterprise',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
