import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/**
 * Arbitraries of hostile requests, built from the OpenAPI document the API publishes from its
 * zod schemas: wrong types, huge and negative numbers, 100,000-character strings, deep nesting,
 * NUL and lone surrogates, invalid UTF-8 bytes sent raw, prototype-pollution keys, path
 * traversal, wrong content types.
 */

/** JSON text sent verbatim (numbers JSON.stringify cannot write, raw bytes, nesting too deep to build). */
export class Raw {
  constructor(readonly bytes: Buffer) {}
  toString() {
    const text = this.bytes.toString('latin1');
    return `Raw(${text.length > 60 ? `${text.slice(0, 60)}…(${text.length})` : text})`;
  }
}
const raw = (text: string | Buffer) => new Raw(Buffer.isBuffer(text) ? text : Buffer.from(text));

/** JSON with Raw parts kept byte for byte; lone surrogates escaped as a browser's JSON.stringify does. */
export function toJsonBytes(value: unknown): Buffer {
  if (value instanceof Raw) return value.bytes;
  if (Array.isArray(value)) return Buffer.concat([Buffer.from('['), ...join(value.map(toJsonBytes)), Buffer.from(']')]);
  if (value && typeof value === 'object') {
    const entries = Object.keys(value).map((key) =>
      Buffer.concat([Buffer.from(`${JSON.stringify(key)}:`), toJsonBytes((value as Record<string, unknown>)[key])]),
    );
    return Buffer.concat([Buffer.from('{'), ...join(entries), Buffer.from('}')]);
  }
  return Buffer.from(JSON.stringify(value) ?? 'null');
}
function join(parts: Buffer[]): Buffer[] {
  return parts.flatMap((part, i) => (i === 0 ? [part] : [Buffer.from(','), part]));
}

/** Percent-encodes any JS string, lone surrogates included (as their 3-byte WTF-8 form, which is not UTF-8). */
export function percentEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (/[A-Za-z0-9\-._~]/.test(String.fromCodePoint(code))) {
      out += String.fromCodePoint(code);
      continue;
    }
    const bytes =
      code < 0x80
        ? [code]
        : code < 0x800
          ? [0xc0 | (code >> 6), 0x80 | (code & 63)]
          : code < 0x10000
            ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)]
            : [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

export const LONG_TEXT = 'a'.repeat(100_000);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => `x${String.fromCharCode(code)}y`);
const TRAVERSAL = ['../../etc/passwd', '..\\..\\..\\windows\\win.ini', '/etc/passwd', 'file\u0000.pdf', '....//....//etc/passwd', 'CON.pdf'];

export const hostileString = fc.oneof(
  fc.constantFrom('a\u0000b', '\u0000', '\ud800', '\udc00\ud800', LONG_TEXT, '', ' ', '<script>alert(1)</script>', "' OR 1=1 --", '__proto__', '1e400', '-1', '2147483648', ...TRAVERSAL),
  loneSurrogate,
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const hostileNumber = fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -1, 0, 1.5, -0.5, Number.MAX_VALUE, -Number.MAX_VALUE, 1e-300);
const rawNumber = fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '0x10', 'NaN', 'Infinity').map(raw);
const wrongType = fc.constantFrom<unknown>(null, true, false, [], {}, [[]], [null], { a: 1 }, '1', 1);
const deepArray = fc.integer({ min: 65, max: 20_000 }).map((n) => raw('['.repeat(n) + ']'.repeat(n)));
const deepObject = fc.integer({ min: 65, max: 3_000 }).map((n) => raw('{"a":'.repeat(n) + '1' + '}'.repeat(n)));
const pollution = fc.constantFrom('{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}').map(raw);
const invalidUtf8 = fc
  .constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0x00])
  .map((bytes) => raw(Buffer.concat([Buffer.from('"a'), Buffer.from(bytes), Buffer.from('b"')])));

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileNumber, rawNumber, wrongType, deepArray, deepObject, pollution, invalidUtf8);

/** Already percent-encoded: a router must cope with what arrives, valid or not. */
export const hostileSegment = fc.oneof(
  fc.constantFrom(
    '%00', 'a%00b', '%ED%A0%80', '%FF', '%C0%AF', '..%2F..%2Fetc%2Fpasswd', '..', '%2e%2e', '-1', '2147483648', '1e400', 'null',
    '__proto__', 'constructor', '%20', '00000000-0000-0000-0000-000000000000', 'x'.repeat(3000), '%E2%82',
  ),
  hostileString.filter((s) => s.length < 3000).map(percentEncode),
);
export const hostileQueryValue = fc.oneof(
  hostileSegment,
  fc.constantFrom('0', 'NaN', 'Infinity', '9007199254740993', 'true', '', 'a'.repeat(4000)),
);
/** Whole query-string parts a parser must survive: duplicates, brackets, pollution keys. */
export const hostileQueryPart = fc.constantFrom(
  '__proto__[polluted]=yes', 'constructor[prototype][polluted]=yes', 'q[a]=b', 'q=a&q=b', 'limit=1&limit=2', '%00=x', '=', '&&&', 'a=%',
);

export const CONTENT_TYPES = [
  'application/json', 'application/json', 'application/json', 'application/json', 'application/json',
  'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/xml',
  'application/json; charset=latin1', 'application/octet-stream', '',
];

// ─── Bodies from the published JSON schema ─────────────────────────────────────────────────────

export type JsonSchema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  minimum?: number;
  minItems?: number;
  required?: string[];
};

export class SchemaSampler {
  constructor(
    private readonly components: Record<string, JsonSchema>,
    /** Real ids of this world, so some requests pass validation and reach the services. */
    private readonly ids: string[],
  ) {}

  deref(schema: JsonSchema): JsonSchema {
    let current = schema;
    for (let hops = 0; current.$ref && hops < 10; hops++) current = this.components[current.$ref.split('/').pop()!] ?? {};
    return current;
  }

  /** A plausible valid value, so one hostile field at a time gets past the others. */
  valid(schema: JsonSchema, depth = 0): unknown {
    const s = this.deref(schema);
    if (s.enum?.length) return s.enum[0];
    const alternative = s.anyOf ?? s.oneOf ?? s.allOf;
    if (alternative?.length) return this.valid(alternative.find((a) => this.deref(a).type !== 'null') ?? alternative[0]!, depth);
    switch (s.type) {
      case 'string':
        if (s.format === 'uuid') return this.ids[depth % this.ids.length] ?? randomUUID();
        if (s.format === 'uri') return 'https://example.org/page';
        if (s.format === 'email') return 'someone@example.test';
        if (s.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
        return 'Plain text'.padEnd(s.minLength ?? 0, '.');
      case 'integer':
      case 'number':
        return s.minimum ?? 1;
      case 'boolean':
        return false;
      case 'array':
        return depth < 3 && s.items && (s.minItems ?? 0) > 0 ? [this.valid(s.items, depth + 1)] : [];
      case 'object':
      default: {
        if (depth > 3) return {};
        const out: Record<string, unknown> = {};
        for (const [key, property] of Object.entries(s.properties ?? {})) out[key] = this.valid(property, depth + 1);
        return out;
      }
    }
  }

  /** Hostile bodies: one field, every field, an extra key, the whole body, or raw bytes. */
  body(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
    const s = schema ? this.deref(schema) : {};
    const base = (schema ? this.valid(schema) : {}) as Record<string, unknown>;
    const fields = Object.keys(s.properties ?? {});
    const extraKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'a\u0000b', '\ud800', 'k'.repeat(5000));
    const options: fc.Arbitrary<unknown>[] = [
      fc.tuple(extraKeys, hostileValue).map(([key, value]) => ({ ...base, [key]: value })),
      hostileValue,
    ];
    if (fields.length) {
      options.push(fc.tuple(fc.constantFrom(...fields), hostileValue).map(([key, value]) => ({ ...base, [key]: value })));
      options.push(fc.tuple(fc.constantFrom(...fields), hostileValue).map(([key, value]) => ({ ...base, [key]: value })));
      options.push(fc.record(Object.fromEntries(fields.map((key) => [key, hostileValue]))));
      // Nested: a hostile value inside an array or object field.
      options.push(fc.tuple(fc.constantFrom(...fields), hostileValue).map(([key, value]) => ({ ...base, [key]: [value] })));
    }
    return fc.oneof(...options);
  }
}
