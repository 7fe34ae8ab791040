import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
};

/** Generated collections stay small: the point is shapes and edges, not volume. */
const CAP = 6;

/**
 * Values that mostly pass a zod schema (through its JSON Schema): what a handler's own code
 * sees once the boundary let them in. `ids` are real ids of the library, mixed into strings
 * that look like ids so that calls reach past "not found".
 */
export function arbitraryFor(schema: z.ZodType, ids: string[]): fc.Arbitrary<unknown> {
  return fromJson(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema, ids);
}

function fromJson(s: JsonSchema, ids: string[]): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => fromJson(a, ids)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, fromJson(v, ids)]));
      if (!s.properties && s.additionalProperties && typeof s.additionalProperties === 'object') {
        return fc.dictionary(fc.constantFrom(...(ids.length ? ids : ['k'])), fromJson(s.additionalProperties, ids), { maxKeys: CAP });
      }
      return fc.record(props, { requiredKeys: s.required ?? [] });
    }
    case 'array':
      return fc.array(s.items ? fromJson(s.items, ids) : fc.jsonValue(), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? CAP, Math.max(CAP, s.minItems ?? 0)),
      });
    case 'string': {
      const min = s.minLength ?? 0;
      const max = Math.min(s.maxLength ?? 40, Math.max(40, min));
      if (s.pattern) {
        const matching = fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= min && x.length <= (s.maxLength ?? Infinity));
        return ids.length && /\\w|\[\\w-\]/.test(s.pattern) ? fc.oneof(fc.constantFrom(...ids), matching) : matching;
      }
      return fc.oneof(
        fc.string({ minLength: min, maxLength: max }),
        fc.constantFrom(
          ...[' ', '  x  ', '𝔘nicode ✓', 'a\u0000b', '../../etc'].filter((x) => x.length >= min && x.length <= (s.maxLength ?? Infinity)),
          'x'.repeat(min || 1),
        ),
      );
    }
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1e6);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1e6);
      return type === 'integer'
        ? fc.integer({ min: Math.ceil(Math.max(min, -1e9)), max: Math.floor(Math.min(max, 1e9)) })
        : fc.double({ min: Math.max(min, -1e9), max: Math.min(max, 1e9), noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}
