import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv';

/**
 * The xAPI statement JSON schema (Rustici Software's TinCanSchema, npm tin-can-json-schema, written
 * for 1.0.1; a 1.0.3 statement has the same structure) compiled by Ajv, with the schema's own
 * regular expressions for its formats (IRIs, UUIDs, ISO 8601 times and durations, language tags).
 */
const packaged = (file: string) => JSON.parse(readFileSync(require.resolve(`tin-can-json-schema/${file}`), 'utf8'));
const schema = packaged('1.0.1.json') as object;
const formats = packaged('formats.json') as Record<string, string>;

let validate: ValidateFunction | undefined;

function statementValidator(): ValidateFunction {
  if (validate) return validate;
  // The schema's patterns are ECMAScript regular expressions without the u flag (they spell surrogate pairs).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  for (const [name, pattern] of Object.entries(formats)) ajv.addFormat(name, new RegExp(pattern));
  ajv.addSchema(schema, 'xapi');
  validate = ajv.getSchema('xapi#statement');
  if (!validate) throw new Error('the xAPI schema has no #statement');
  return validate;
}

/** The schema's complaints about a statement: none for a valid one. */
export function xapiStatementErrors(statement: unknown): string[] {
  const check = statementValidator();
  if (check(statement)) return [];
  return (check.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`);
}
