import { z } from 'zod';

export const id = z.uuid();
export const idParams = z.strictObject({ id });
/** A short human text: names, titles. Trimmed, never empty, bounded. */
export const name = (max = 100) => z.string().trim().min(1).max(max);
export const version = z.int().min(0);

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.int() });

export const okResponse = z.object({ ok: z.literal(true) });
