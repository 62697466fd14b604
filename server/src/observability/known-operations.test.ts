import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, Kind } from 'graphql';
import { KNOWN_OPERATIONS, operationLabel } from './known-operations';
import { ENTRIES_QUERY, OVERVIEW_QUERY } from '../modules/funding/funding-export.tables';
import { STREAMS_QUERY } from '../modules/funding/funding-export.360giving';

/** The operations codegen found in client/src (its output is checked against the sources in CI). */
function clientOperationNames(): string[] {
  const generated = readFileSync(path.resolve(__dirname, '..', '..', '..', 'client', 'src', 'gql', 'graphql.ts'), 'utf8');
  return [...generated.matchAll(/"kind":"OperationDefinition","operation":"\w+","name":\{"kind":"Name","value":"(\w+)"/g)]
    .map((match) => match[1]);
}

function serverOperationNames(): string[] {
  return [ENTRIES_QUERY, OVERVIEW_QUERY, STREAMS_QUERY].flatMap((text) => parse(text).definitions
    .flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [])));
}

describe('the operations metrics label by name', () => {
  it('are exactly the client\'s and the server\'s own (add a new operation\'s name to KNOWN_OPERATIONS)', () => {
    const expected = [...new Set([...clientOperationNames(), ...serverOperationNames()])].sort();
    expect(expected.length).toBeGreaterThan(30);
    expect([...KNOWN_OPERATIONS].sort()).toEqual(expected);
  });

  it('labels anything else "other", and an unnamed operation "anonymous"', () => {
    expect(operationLabel('FindSessions')).toBe('FindSessions');
    expect(operationLabel('x'.repeat(20_000))).toBe('other');
    expect(operationLabel('findsessions')).toBe('other');
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel(null)).toBe('anonymous');
  });
});
