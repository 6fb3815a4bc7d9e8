import type { FastifyInstance } from 'fastify';
import type { FieldIssue } from '@lantu/core';
import { fieldError } from './errors.js';

/**
 * The first string field of a parsed request part holding a NUL character, as a dotted path.
 * PostgreSQL text cannot store U+0000, so such input must be refused as bad input, naming the
 * field, before it reaches the database (which would fail the query). Iterative: deeply nested
 * JSON must not exhaust the stack.
 */
export function nulField(value: unknown, prefix?: string): string | null {
  const stack: [unknown, string][] = [[value, prefix ?? '']];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return at || '(body)';
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) return at ? `${at}.${k}` : k;
        stack.push([child, at ? `${at}.${k}` : k]);
      }
    }
  }
  return null;
}

/** Refuses params, query and body containing NUL characters with validation_failed (`invalid_format`). */
export function installInputChecks(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const issues: FieldIssue[] = [];
    // Named as zod's own errors name them: params.id, querystring.q, and body fields bare.
    for (const [value, prefix] of [[req.params, 'params'], [req.query, 'querystring'], [req.body, undefined]] as const) {
      const field = nulField(value, prefix);
      if (field) issues.push({ field, issue: 'invalid_format' });
    }
    if (issues.length) throw fieldError(issues);
  });
}
