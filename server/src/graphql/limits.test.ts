import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Lexer, parse, Source, specifiedRules, TokenKind, validate, type DocumentNode, type GraphQLSchema,
} from 'graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { buildPortalSchema } from './build-schema';
import { createGraphqlLimits, GRAPHQL_LIMITS } from './limits';

/**
 * The limits must never refuse what the client sends. Every operation in client/src (its *.query.ts,
 * *.operations.ts and *.mutations.ts files)
 * is measured with armor's own counting and must stay within half of each limit; hostile documents
 * must fail with the error armor reports (BAD_USER_INPUT here; Apollo answers it over HTTP as 400
 * GRAPHQL_VALIDATION_FAILED, see test/api/hostile-requests.test.ts).
 */
const CLIENT_SRC = path.resolve(__dirname, '..', '..', '..', 'client', 'src');

interface ClientOperation { file: string; text: string }

/** The files that hold the client's GraphQL documents, by the house's naming. */
const OPERATION_FILE = /\.(query|operations|mutations)\.ts$/;

/**
 * Each operation with the fragments it spreads (from its own file, followed transitively), as the
 * client sends it after codegen's document transform.
 */
function clientOperations(): ClientOperation[] {
  const files = readdirSync(CLIENT_SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => OPERATION_FILE.test(file) && !file.split(path.sep).includes('gql'));
  return files.flatMap((file) => {
    const source = readFileSync(path.join(CLIENT_SRC, file), 'utf8');
    const documents = [...source.matchAll(/graphql\(\s*`([^`]*)`\s*\)/g)].map((match) => match[1]);
    const fragments = new Map(documents.flatMap((text) => {
      const name = /^\s*fragment (\w+)/.exec(text)?.[1];
      return name ? [[name, text] as const] : [];
    }));
    const withFragments = (text: string): string => {
      const used = new Set<string>();
      const visit = (part: string) => {
        for (const [, name] of part.matchAll(/\.\.\.(\w+)/g)) {
          if (used.has(name) || !fragments.has(name)) continue;
          used.add(name);
          visit(fragments.get(name)!);
        }
      };
      visit(text);
      return [text, ...[...used].map((name) => fragments.get(name)!)].join('\n');
    };
    return documents.filter((text) => /^\s*(query|mutation)\b/.test(text)).map((text) => ({ file, text: withFragments(text) }));
  });
}

/** The page size the client asks for (a variable in its operations). */
function clientPageSize(): number {
  const source = readFileSync(path.join(CLIENT_SRC, 'find-training', 'filter-params.ts'), 'utf8');
  return Number(/export const PAGE_SIZE = (\d+)/.exec(source)?.[1]);
}

/** The operation as a script might write it: `first` inline rather than a variable. */
function withInlineFirst(text: string, first: number): string {
  return text.replace(/,?\s*\$first: Int!?/, '').replace(/first: \$first/g, `first: ${first}`);
}

function countTokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) tokens += 1;
  return tokens;
}

interface Measure { depth: number; aliases: number; cost: number; directives: number; tokens: number }

/** armor's own counts for a document, with limits high enough that nothing is refused. */
function measure(schema: GraphQLSchema, text: string): Measure {
  const found: Omit<Measure, 'tokens'> = { depth: 0, aliases: 0, cost: 0, directives: 0 };
  const keep = (key: keyof typeof found) => [(_: unknown, details: { n: number }) => {
    found[key] = Math.max(found[key], details.n);
  }];
  const { validationRules } = new ApolloArmor({
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    maxDepth: { n: 1e9, onAccept: keep('depth') },
    maxAliases: { n: 1e9, onAccept: keep('aliases') },
    costLimit: { maxCost: 1e9, onAccept: keep('cost') },
    maxDirectives: { n: 1e9, onAccept: keep('directives') },
  }).protect();
  const errors = validate(schema, parse(text), [...specifiedRules, ...validationRules]);
  expect(errors.map((e) => e.message)).toEqual([]);
  return { ...found, tokens: countTokens(text) };
}

/** Validates as the server does: graphql-js's rules, then the limits. */
function validateWithLimits(schema: GraphQLSchema, document: DocumentNode) {
  const { validationRules } = createGraphqlLimits({ hideSuggestions: true });
  return validate(schema, document, [...specifiedRules, ...validationRules]);
}

let schema: GraphQLSchema;
const operations = clientOperations();

beforeAll(async () => {
  schema = await buildPortalSchema();
});

describe('GraphQL limits, calibrated against the client', () => {
  it('finds the client operations', () => {
    expect(operations.length).toBeGreaterThanOrEqual(4);
    expect(operations.map((o) => o.text).join('\n')).toContain('query FindSessions');
  });

  it.each(operations.map((o) => [`${o.file} ${/(query|mutation) (\w+)/.exec(o.text)?.[2]}`, o] as const))('%s passes every limit with margin', (_file, operation) => {
    const m = measure(schema, operation.text);
    // Depth grows by levels, not multiples: three spare levels. Everything else: at least 2x.
    expect(m.depth + 3).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxDepth);
    expect(m.aliases * 2).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxAliases);
    expect(m.cost * 2).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxCost);
    expect(m.directives * 2).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxDirectives);
    expect(m.tokens * 2).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxTokens);
    expect(validateWithLimits(schema, parse(operation.text))).toEqual([]);
  });

  // The public catalogue's queries, which scripts call too: with `first` inline they must still pass.
  it.each(operations.filter((o) => o.text.includes('$first') && o.file.endsWith('.query.ts')).map((o) => [o.file, o] as const))(
    '%s still passes with the client\'s page size written inline (cost counts literal `first` only)', (_file, operation) => {
      const inline = withInlineFirst(operation.text, clientPageSize());
      expect(inline).not.toContain('$first');
      expect(measure(schema, inline).cost).toBeGreaterThan(measure(schema, operation.text).cost);
      expect(measure(schema, inline).cost * 2).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxCost);
      expect(validateWithLimits(schema, parse(inline))).toEqual([]);
    });
});

describe('GraphQL limits refuse hostile documents', () => {
  function expectRefused(text: string, message: RegExp) {
    const errors = validateWithLimits(schema, parse(text));
    expect(errors.length).toBeGreaterThan(0);
    const armorError = errors.find((e) => message.test(e.message));
    expect(armorError?.extensions.code).toBe('BAD_USER_INPUT');
  }

  it('refuses a 40-level depth bomb built from nested inline fragments', () => {
    const text = `{ ${'... on Query { '.repeat(40)}partnerships { id }${' }'.repeat(40)} }`;
    expectRefused(text, /depth limit of 14 exceeded/);
  });

  it('refuses a depth bomb built from nested named fragments', () => {
    const fragments = Array.from({ length: 20 }, (_, i) => `fragment F${i} on Query { ${i < 19 ? `...F${i + 1}` : 'partnerships { id }'} }`);
    expectRefused(`{ ...F0 } ${fragments.join(' ')}`, /depth limit of 14 exceeded/);
  });

  it('accepts the deepest real path the schema has: the depth limit is for bombs, not honest queries', () => {
    const deepest = '{ sessions(partnershipSlug: "x") { edges { node { allocations { organisation { sectorGroup { name } } } } } } }';
    expect(measure(schema, deepest).depth).toBe(7);
    expect(validateWithLimits(schema, parse(deepest))).toEqual([]);
  });

  it.each([16, 500, 1000])('refuses %p aliases of one field', (count) => {
    const text = `{ ${Array.from({ length: count }, (_, i) => `a${i}: partnerships { id }`).join(' ')} }`;
    expectRefused(text, /Aliases limit of 15 exceeded/);
  });

  it('refuses a wide query at the largest page size written inline', () => {
    const findSessions = operations.find((o) => o.text.includes('query FindSessions'))!.text;
    expectRefused(withInlineFirst(findSessions, 100), /Cost limit of 8000 exceeded/);
  });

  it('refuses more than 10 directives', () => {
    const text = `{ partnerships { ${Array.from({ length: 11 }, () => 'id @include(if: true)').join(' ')} } }`;
    expectRefused(text, /Directives limit of 10 exceeded/);
  });

  it('lets graphql-js refuse circular fragments without the limits looping', () => {
    const errors = validateWithLimits(schema, parse('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'));
    expect(errors.some((e) => /Cannot spread fragment "A" within itself/.test(e.message))).toBe(true);
  });
});
