import { createHash, getHashes } from 'node:crypto';

/** JSON with object keys sorted at every depth, so equal data always hashes equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** SM3 (GB/T 32905) where the runtime's OpenSSL has it, as MLPS prefers; SHA-256 otherwise. */
export const HASH_ALG: 'sm3' | 'sha256' = getHashes().includes('sm3') ? 'sm3' : 'sha256';

export function digest(alg: string, text: string): string {
  return createHash(alg).update(text, 'utf8').digest('hex');
}
