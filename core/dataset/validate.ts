// Schema validation with readable errors: "<file>: entities[3].aliases[1].strength: must be
// one of "strong", "weak"".

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

export type JsonSchema = Record<string, unknown>;

/** "/entities/3/aliases/1/strength" → "entities[3].aliases[1].strength". */
export function fieldPath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra) parts.push(extra);
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out === '' ? p : `.${p}`;
  return out === '' ? '(root)' : out;
}

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'additionalProperties':
      return `unknown field (allowed fields are listed in the schema)`;
    case 'required':
      return 'is required';
    case 'pattern':
      return `must match ${String(p.pattern)}`;
    default:
      return e.message ?? e.keyword;
  }
}

function formatErrors(file: string, errors: ErrorObject[]): string[] {
  const depth = (e: ErrorObject): number =>
    e.instancePath.split('/').length + (e.keyword === 'required' || e.keyword === 'additionalProperties' ? 1 : 0);
  // oneOf/anyOf failures repeat what the branch errors say; keep the deepest, most specific ones.
  const useful = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  const pool = useful.length > 0 ? useful : errors;
  const maxDepth = new Map<string, number>();
  for (const e of pool) {
    const top = e.instancePath.split('/').slice(0, 3).join('/');
    maxDepth.set(top, Math.max(maxDepth.get(top) ?? 0, depth(e)));
  }
  const lines = new Set<string>();
  for (const e of pool) {
    const top = e.instancePath.split('/').slice(0, 3).join('/');
    if (depth(e) < (maxDepth.get(top) ?? 0)) continue;
    const p = e.params as Record<string, unknown>;
    const extra =
      e.keyword === 'required' ? String(p.missingProperty) : e.keyword === 'additionalProperties' ? String(p.additionalProperty) : undefined;
    lines.add(`${file}: ${fieldPath(e.instancePath, extra)}: ${describe(e)}`);
  }
  return [...lines];
}

export class SchemaValidator {
  private readonly validators = new Map<JsonSchema, ValidateFunction>();
  private readonly ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });

  /** Error lines naming the file and field, or [] when valid. */
  check(schema: JsonSchema, value: unknown, file: string): string[] {
    let validate = this.validators.get(schema);
    if (!validate) {
      try {
        validate = this.ajv.compile(schema);
      } catch (e) {
        return [`${file}: (schema): the JSON Schema for this file is invalid: ${(e as Error).message}`];
      }
      this.validators.set(schema, validate);
    }
    return validate(value) ? [] : formatErrors(file, validate.errors ?? []);
  }
}
