import { COMMON_PASSWORDS } from './common-passwords.js';

/** The password/lockout policy a security admin sets per zone (MLPS 2.0 level 3 defaults). */
export interface PasswordPolicy {
  minLength: number;
  privilegedMinLength: number;
  minClasses: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
}

export const DEFAULT_POLICY: PasswordPolicy = {
  minLength: 8,
  privilegedMinLength: 12,
  minClasses: 3,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
};

/** Longest password accepted: long passphrases are fine, megabyte bodies are not. */
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_few_classes' | 'too_common' | 'contains_username';

/** Number of character classes (lower, upper, digit, other) present in the password. */
export function characterClasses(password: string): number {
  const tests = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  return tests.filter((t) => t.test(password)).length;
}

/**
 * Checks a candidate password against the policy. Returns the problems found (empty = acceptable).
 * MLPS requires composition rules, so they are enforced here even though ASVS would not.
 */
export function checkPassword(
  password: string,
  policy: PasswordPolicy,
  opts: { privileged: boolean; username?: string },
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const min = opts.privileged ? Math.max(policy.privilegedMinLength, policy.minLength) : policy.minLength;
  if ([...password].length < min) problems.push('too_short');
  if ([...password].length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (characterClasses(password) < policy.minClasses) problems.push('too_few_classes');
  if (COMMON_PASSWORDS.has(password.toLowerCase())) problems.push('too_common');
  if (opts.username && opts.username.length >= 3 && password.toLowerCase().includes(opts.username.toLowerCase())) {
    problems.push('contains_username');
  }
  return problems;
}
