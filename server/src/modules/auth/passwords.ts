import { hash, verify } from '@node-rs/argon2';
import { checkPassword, type PasswordPolicy } from '@lantu/core';
import { AppError } from '../../platform/errors.js';

/** argon2id with the library defaults (m=19 MiB, t=2), the OWASP baseline. */
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash of a random string, verified against when the account does not exist so timing reveals nothing. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword('not-a-real-account-' + Math.random()));

/**
 * @throws AppError password_policy listing the problems, and the minimum length that applies
 */
export function assertPasswordAcceptable(password: string, policy: PasswordPolicy, privileged: boolean, username?: string): void {
  const problems = checkPassword(password, policy, { privileged, username });
  if (problems.length > 0) {
    const minLength = privileged ? Math.max(policy.privilegedMinLength, policy.minLength) : policy.minLength;
    throw new AppError('password_policy', { problems, minLength, minClasses: policy.minClasses });
  }
}
