import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Lantu';

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

/** True when the code matches the current 30 s step or one step either side (clock drift). */
export function checkTotp(secret: string, code: string, now: Date): boolean {
  return totpFor(secret, 'x').validate({ token: code, window: 1, timestamp: now.getTime() }) !== null;
}

export function currentTotp(secret: string, now: Date): string {
  return totpFor(secret, 'x').generate({ timestamp: now.getTime() });
}
