import fc from 'fast-check';

/**
 * The subset of JSON Schema (OpenAPI 3.0 flavour: `nullable`) that the API's zod schemas turn
 * into: objects, arrays, strings with pattern/format/length, enums, integers and numbers with
 * bounds, booleans, anyOf. Two uses: a validator for answers, and fast-check arbitraries of
 * valid values (with hooks for ids and other domain values).
 */
export interface Schema {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (Number.isInteger(v)) return 'integer';
  return typeof v;
}

function formatOk(format: string, v: string): boolean {
  if (format === 'uuid') return UUID.test(v);
  if (format === 'date') return DATE.test(v) && !Number.isNaN(Date.parse(v));
  if (format === 'date-time') return !Number.isNaN(Date.parse(v));
  if (format === 'email') return EMAIL.test(v);
  if (format === 'uri') return URL.canParse(v);
  return true;
}

/** Every way `value` breaks `schema`, as `path: problem` lines (empty: it conforms). */
export function validate(schema: Schema, value: unknown, path = '$'): string[] {
  if (value === null && schema.nullable) return [];
  if (schema.anyOf || schema.oneOf) {
    const alts = (schema.anyOf ?? schema.oneOf)!;
    return alts.some((s) => validate(s, value, path).length === 0) ? [] : [`${path}: matches none of ${alts.length} alternatives`];
  }
  if (schema.allOf) return schema.allOf.flatMap((s) => validate(s, value, path));
  const errs: string[] = [];
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) errs.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) errs.push(`${path}: not the constant`);
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length) {
    const t = typeOf(value);
    const ok = types.some((want) => want === t || (want === 'number' && t === 'integer'));
    if (!ok) return [...errs, `${path}: ${t}, expected ${types.join('|')}${schema.nullable ? '|null' : ''}`];
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && [...value].length < schema.minLength) errs.push(`${path}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) errs.push(`${path}: longer than ${schema.maxLength}`);
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) errs.push(`${path}: ${JSON.stringify(value.slice(0, 40))} does not match ${schema.pattern}`);
    if (schema.format && !formatOk(schema.format, value)) errs.push(`${path}: not a ${schema.format}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errs.push(`${path}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) errs.push(`${path}: above ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) errs.push(`${path}: not above ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) errs.push(`${path}: not below ${schema.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) errs.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errs.push(`${path}: more than ${schema.maxItems} items`);
    if (schema.items) value.forEach((v, i) => errs.push(...validate(schema.items!, v, `${path}[${i}]`)));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const r of schema.required ?? []) if (!(r in obj)) errs.push(`${path}.${r}: missing`);
    for (const [k, v] of Object.entries(obj)) {
      const prop = schema.properties?.[k];
      if (prop) errs.push(...validate(prop, v, `${path}.${k}`));
      else if (schema.additionalProperties === false) errs.push(`${path}.${k}: not allowed`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') errs.push(...validate(schema.additionalProperties, v, `${path}.${k}`));
    }
  }
  return errs;
}

/** Domain knowledge the generator asks for: an id for a field, a value for a named field. */
export interface Hints {
  /** An arbitrary of ids fit for the field (named by its property name), or undefined for any uuid. */
  id(field: string): fc.Arbitrary<string> | undefined;
  /** A domain arbitrary for a field (period, version …), or undefined to follow the schema. */
  field(field: string, schema: Schema): fc.Arbitrary<unknown> | undefined;
}

const NO_HINTS: Hints = { id: () => undefined, field: () => undefined };

/** Strings that are valid in any free-text field and hard on everything behind it. */
export const EDGE_TEXT = [
  '蓝图已经绘就',
  'Zoë Ǆ ß İ ﬁ',
  '\u202eevil\u202c',
  'a\u200db\u200bc\ufeff',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🇨🇳',
  '𠀀𪚥𰻞',
  "O'Brien\"; --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '   padded   ',
  'nul\u0000inside',
];

function stringArb(schema: Schema, field: string, hints: Hints): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, 200);
  const fit = (s: string) => [...s].length >= min && [...s].length <= (schema.maxLength ?? Infinity) && (!schema.pattern || new RegExp(schema.pattern, 'u').test(s));
  if (schema.format === 'uuid') return hints.id(field) ?? fc.uuid();
  if (schema.format === 'date') return fc.date({ min: new Date('2015-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'email') return fc.emailAddress().filter(fit);
  if (schema.format === 'uri') return fc.webUrl().filter(fit);
  if (schema.pattern) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter(fit);
  }
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: Math.max(min, 1), maxLength: max, unit: 'grapheme' }) },
    { weight: 2, arbitrary: fc.constantFrom(...EDGE_TEXT) },
    { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: max, unit: 'binary' }) },
  );
  return text.map((s) => (s.trim().length >= min ? s : 'x'.repeat(Math.max(min, 1)) + s)).filter(fit);
}

function numberArb(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const lo = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + (integer ? 1 : 1e-6) : (schema.minimum ?? -1e6);
  const hi = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - (integer ? 1 : 1e-6) : (schema.maximum ?? 1e6);
  const [a, b] = [Math.max(lo, -Number.MAX_SAFE_INTEGER), Math.min(hi, Number.MAX_SAFE_INTEGER)];
  if (integer) {
    const [lo, hi] = [Math.ceil(a), Math.floor(b)];
    const [sLo, sHi] = [Math.max(lo, -1000), Math.min(hi, 1000)];
    const alts: fc.Arbitrary<number>[] = [fc.constantFrom(lo, hi), fc.integer({ min: lo, max: hi })];
    if (sLo <= sHi) alts.unshift(fc.integer({ min: sLo, max: sHi }), fc.integer({ min: sLo, max: sHi }));
    return fc.oneof(...alts);
  }
  return fc.oneof(fc.constantFrom(a, b), fc.double({ min: a, max: b, noNaN: true, noDefaultInfinity: true }));
}

/** Valid values of a schema (by construction; filter with validate() where patterns could be lax). */
export function arbitrary(schema: Schema, hints: Hints = NO_HINTS, field = '', depth = 0): fc.Arbitrary<unknown> {
  const hinted = hints.field(field, schema);
  if (hinted) return hinted;
  const core = (): fc.Arbitrary<unknown> => {
    if (schema.anyOf || schema.oneOf) return fc.oneof(...(schema.anyOf ?? schema.oneOf)!.map((s) => arbitrary(s, hints, field, depth)));
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if ('const' in schema) return fc.constant(schema.const);
    const type = [schema.type ?? 'object'].flat()[0];
    switch (type) {
      case 'string':
        return stringArb(schema, field, hints);
      case 'integer':
        return numberArb(schema, true);
      case 'number':
        return numberArb(schema, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const min = schema.minItems ?? 0;
        const max = Math.max(min, Math.min(schema.maxItems ?? 4, depth > 1 ? min : 4));
        return fc.array(arbitrary(schema.items ?? {}, hints, field, depth + 1), { minLength: min, maxLength: max });
      }
      default: {
        const props = schema.properties ?? {};
        const required = new Set(schema.required ?? []);
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, s] of Object.entries(props)) record[k] = arbitrary(s, hints, k, depth + 1);
        // Optional keys are left out at random by fast-check.
        return fc.record(record, { requiredKeys: [...required].filter((k) => k in props) });
      }
    }
  };
  const base = core();
  return schema.nullable ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

/** A value of the wrong JSON type for a schema. */
export function wrongType(schema: Schema): fc.Arbitrary<unknown> {
  const types = new Set([schema.type ?? 'object'].flat());
  const all: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.constantFrom('x', '', '12', 'true', 'null')],
    ['integer', fc.constantFrom(0, -1, 12, 2 ** 53)],
    ['number', fc.constantFrom(0.5, -1e300, 1e-300)],
    ['boolean', fc.boolean()],
    ['array', fc.constantFrom([], [1], [null], [[]])],
    ['object', fc.constantFrom({}, { a: 1 }, { __proto__: { polluted: true } })],
    ['null', fc.constant(null)],
  ];
  const wrong = all.filter(([t]) => !types.has(t) && !(t === 'null' && schema.nullable) && !(t === 'integer' && types.has('number')));
  return fc.oneof(...wrong.map(([, a]) => a));
}

/** One value that breaks a constraint of a (scalar) schema other than its type, when it has one. */
export function breaking(schema: Schema): fc.Arbitrary<unknown> | undefined {
  const out: fc.Arbitrary<unknown>[] = [];
  if (schema.enum) out.push(fc.constantFrom('not-in-enum', `${String(schema.enum[0])} `, String(schema.enum[0]).toUpperCase()));
  if (schema.maxLength !== undefined) out.push(fc.constantFrom('x'.repeat(schema.maxLength + 1), '蓝'.repeat(schema.maxLength + 1)));
  if (schema.minLength) out.push(fc.constant(''), fc.constant(' '.repeat(schema.minLength)));
  if (schema.pattern || schema.format) out.push(fc.constantFrom('not-valid', '2021-13-45', '00000000-0000-0000-0000-00000000000g', '1e5', '..%2F', '\u0000'));
  if (schema.minimum !== undefined) out.push(fc.constant(schema.minimum - 1));
  if (schema.maximum !== undefined) out.push(fc.constant(schema.maximum + 1));
  if ([schema.type].flat().includes('integer')) out.push(fc.constantFrom(1.5, -0.25));
  if (schema.maxItems !== undefined) out.push(fc.constant(Array.from({ length: schema.maxItems + 1 }, () => null)));
  if (schema.minItems) out.push(fc.constant([]));
  return out.length ? fc.oneof(...out) : undefined;
}
