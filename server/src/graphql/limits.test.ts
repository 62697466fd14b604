import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, Kind, Lexer, parse, Source, specifiedRules, TokenKind, typeFromAST,
  validate, visit, type DocumentNode, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { buildPortalSchema } from './build-schema';
import { createGraphqlLimits, GRAPHQL_LIMITS } from './limits';
import { documentCost, PAGE_SIZES } from './cost-limit';
import { ENTRIES_QUERY, OVERVIEW_QUERY } from '../modules/funding/funding-export.tables';
import { STREAMS_QUERY } from '../modules/funding/funding-export.360giving';

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
const OPERATION_FILE = /\.(query|operations|mutations|fragments)\.ts$/;

/**
 * Each operation with the fragments it spreads (from any of the client's files, such as
 * ui/shared.fragments.ts, followed transitively), as the client sends it after codegen's document transform.
 */
function clientOperations(): ClientOperation[] {
  const files = readdirSync(CLIENT_SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => OPERATION_FILE.test(file) && !file.split(path.sep).includes('gql'));
  const documentsOf = new Map(files.map((file) => [file,
    [...readFileSync(path.join(CLIENT_SRC, file), 'utf8').matchAll(/graphql\(\s*`([^`]*)`\s*\)/g)].map((match) => match[1])]));
  const fragments = new Map([...documentsOf.values()].flat().flatMap((text) => {
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
  return [...documentsOf].flatMap(([file, documents]) =>
    documents.filter((text) => /^\s*(query|mutation)\b/.test(text)).map((text) => ({ file, text: withFragments(text) })));
}

/** A `first` beyond every resolver's cap: the cost is then counted at the largest page each allows. */
const LARGEST_PAGE = 1_000_000;

/** A value of this input type that coerces: only required fields, the first enum value, plain scalars. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields())
      .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
      .map((field) => [field.name, sampleValue(field.type)]));
  }
  if (isEnumType(type)) return type.getValues()[0].name;
  const samples: Record<string, unknown> = {
    Int: 1, Float: 1, SafeInt: 1, Boolean: true, String: 'x', ID: 'x', DateTime: '2026-04-01T09:00:00.000Z',
  };
  if (!(type.name in samples)) throw new Error(`no sample value for the scalar ${type.name}`);
  return samples[type.name];
}

/**
 * Variables as the client could send them: every `$first` at the largest page the resolver allows
 * (the client's own page sizes are 10 to 200), every other required variable a value that coerces.
 */
function sampleVariables(schema: GraphQLSchema, document: DocumentNode, first = LARGEST_PAGE): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  visit(document, {
    VariableDefinition(definition) {
      const name = definition.variable.name.value;
      const type = typeFromAST(schema, definition.type) as GraphQLInputType;
      if (name === 'first') variables[name] = first;
      else if (definition.type.kind === Kind.NON_NULL_TYPE && !definition.defaultValue) variables[name] = sampleValue(type);
    },
  });
  return variables;
}

/** The cost the server counts for the document with these variables; every variable must coerce. */
function costOf(schema: GraphQLSchema, text: string, variables?: Record<string, unknown>): number {
  const document = parse(text);
  const { cost, coercionErrors } = documentCost(schema, document, variables ?? sampleVariables(schema, document));
  expect(coercionErrors.map((e) => e.message)).toEqual([]);
  return cost;
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

/**
 * armor's own counts for depth, aliases and directives, with limits high enough that nothing is
 * refused; the cost as the server counts it, with the variables the client could send.
 */
function measure(schema: GraphQLSchema, text: string): Measure {
  const found: Omit<Measure, 'tokens' | 'cost'> = { depth: 0, aliases: 0, directives: 0 };
  const keep = (key: keyof typeof found) => [(_: unknown, details: { n: number }) => {
    found[key] = Math.max(found[key], details.n);
  }];
  const { validationRules } = new ApolloArmor({
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    maxDepth: { n: 1e9, onAccept: keep('depth') },
    maxAliases: { n: 1e9, onAccept: keep('aliases') },
    costLimit: { enabled: false },
    maxDirectives: { n: 1e9, onAccept: keep('directives') },
  }).protect();
  const errors = validate(schema, parse(text), [...specifiedRules, ...validationRules]);
  expect(errors.map((e) => e.message)).toEqual([]);
  return { ...found, cost: costOf(schema, text), tokens: countTokens(text) };
}

/** Validates as the server does: graphql-js's rules, then the limits. */
function validateWithLimits(schema: GraphQLSchema, document: DocumentNode) {
  const { validationRules } = createGraphqlLimits({ hideSuggestions: true });
  return validate(schema, document, [...specifiedRules, ...validationRules]);
}

let schema: GraphQLSchema;
/** The client's operations and the server's own (the funding exports run theirs in process, through the limits). */
const operations = [...clientOperations(),
  ...[ENTRIES_QUERY, OVERVIEW_QUERY, STREAMS_QUERY].map((text) => ({ file: 'server funding exports', text }))];

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

  it.each(operations.filter((o) => o.text.includes('$first')).map((o) => [`${o.file} ${/(query|mutation) (\w+)/.exec(o.text)?.[2]}`, o] as const))(
    '%s costs the same with `first` written inline as given in a variable', (_file, operation) => {
      for (const first of [1, 10, LARGEST_PAGE]) {
        const inline = withInlineFirst(operation.text, first);
        expect(inline).not.toContain('$first');
        expect(costOf(schema, inline)).toBe(costOf(schema, operation.text, sampleVariables(schema, parse(operation.text), first)));
      }
      expect(costOf(schema, operation.text, sampleVariables(schema, parse(operation.text), 10)))
        .toBeLessThan(costOf(schema, operation.text));
    });

  it('prices every field that takes `first` by the page its resolver allows, with the schema\'s default', () => {
    const paged = Object.values(schema.getTypeMap()).flatMap((type) => ((isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__')
      ? Object.values(type.getFields()).flatMap((field) => {
        const first = field.args.find((arg) => arg.name === 'first');
        return first ? [{ key: `${type.name}.${field.name}`, schemaDefault: first.defaultValue }] : [];
      })
      : []));
    expect(paged.map((p) => p.key).sort()).toEqual(Object.keys(PAGE_SIZES).sort());
    for (const { key, schemaDefault } of paged) {
      if (schemaDefault !== undefined) expect([key, PAGE_SIZES[key].default]).toEqual([key, schemaDefault]);
    }
  });
});

/** Fifteen aliased pages of the Find training selection, `first` as a variable or inline. */
function sessionPages(first: string): string {
  const page = (i: number) => `p${i}: sessions(partnershipSlug: $slug, first: ${first}) { totalCount edges { cursor node {
    id startsAt endsAt deliveryMode seatsLeft venue { id name town }
    course { id title summary isFree costPerPlace { pence formatted } provider { id name } } } } }`;
  return `query Pages($slug: String!${first === '$n' ? ', $n: Int!' : ''}) { ${Array.from({ length: 15 }, (_, i) => page(i)).join(' ')} }`;
}

/** Seven aliased pages of ledger entries, each drilling down into its stream's courses and sessions. */
function entryPages(first: string): string {
  const sums = 'budget { pence formatted } committed { pence formatted } spent { pence formatted } remaining { pence formatted }';
  const page = (i: number) => `e${i}: ledgerEntries(filter: $filter, first: ${first}) { edges { node {
    id sequence kind amount { pence formatted } effect { ${sums} }
    stream { id name summary { ${sums} } courses { courseId title summary { ${sums} } sessions { sessionId startsAt summary { ${sums} } } } } } } }`;
  return `query Entries($filter: LedgerEntryFilter!${first === '$n' ? ', $n: Int' : ''}) { ${Array.from({ length: 7 }, (_, i) => page(i)).join(' ')} }`;
}

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

  it.each([
    ['15 aliased sessions pages', sessionPages, { slug: 'x' }, 100],
    ['7 aliased ledgerEntries pages with the stream drill-down', entryPages, { filter: { partnershipSlug: 'x', financialYear: '2026-27' } }, 200],
  ] as const)('prices %s over the limit with `first` in a variable as written inline', (_name, pages, variables, first) => {
    const inline = costOf(schema, pages(String(first)), variables);
    expect(inline).toBeGreaterThan(GRAPHQL_LIMITS.maxCost);
    expect(costOf(schema, pages('$n'), { ...variables, n: first })).toBe(inline);
    // Past the resolver's cap the page is priced at the cap (the resolver refuses it with a field error).
    expect(costOf(schema, pages('$n'), { ...variables, n: 100_000 })).toBe(inline);
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
