/** LIKE patterns from user text: `%` and `_` in a search mean themselves, not wildcards. */
const escaped = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Matches text containing `q`. */
export const containing = (q: string) => `%${escaped(q)}%`;

/** Matches text starting with `q`. */
export const startingWith = (q: string) => `${escaped(q)}%`;
