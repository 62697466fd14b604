import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
import { nulCharacterGuardPlugin } from './string-guard';
import { costLimitPlugin } from './cost-limit';

/**
 * Limits on the shape of a GraphQL document, checked before any resolver runs. Calibrated against
 * the client's own operations: limits.test.ts measures every operation in client/src (with the
 * fragments it spreads) with armor's own counting (and the cost with cost-limit.ts's) and fails
 * when one comes too close to a limit.
 */
export const GRAPHQL_LIMITS = {
  /**
   * Tokens in the document. Enforced by Apollo's parser (parseOptions.maxTokens), which answers
   * 400 GRAPHQL_PARSE_FAILED; armor's own token limit answered 500, so it is switched off.
   * 5000 is nearly 60x the largest client operation (85 tokens).
   */
  maxTokens: 5000,
  /**
   * Nesting of fields, inline fragments and fragment spreads. The deepest client operation is 10
   * (ledgerEntries > edges > node > ...LedgerEntryFields > stream > ... with its fragments); 14
   * leaves three spare levels while a nested-fragment bomb (40 levels) still fails.
   */
  maxDepth: 14,
  /**
   * Aliased fields per operation. The client uses none; 15 lets an outside script ask for a few
   * partnerships or sessions side by side, and stops alias amplification (500 aliases of one field,
   * 100 sign-in attempts in one request).
   */
  maxAliases: 15,
  /**
   * Cost (cost-limit.ts): one point per field the answer can hold, a paged field times the page its
   * resolver allows for the request's `first` (a variable counts as written inline; a missing one
   * is the resolver's default; past the resolver's cap, the cap). Measured with every `first` at its
   * cap, the costliest client operation is LedgerEntries at 200 rows (10,800; the funding export's
   * own page is 9,000); 25,000 keeps a 2x margin over it and refuses 15 aliased pages of 100
   * sessions (37,500) or 7 aliased pages of 200 entries drilling into their streams (98,000).
   */
  maxCost: 25000,
  /** @include / @skip per operation. The client uses none; 10 is plenty for conditional fields. */
  maxDirectives: 10,
} as const;

/** Matches the "Did you mean …?" sentences graphql-js adds for fields, arguments, types and enum values. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** Removes schema hints from every error, including variable-coercion errors that Apollo's own option misses. */
function hideSuggestionsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}

/**
 * The validation rules and plugins that enforce GRAPHQL_LIMITS, plus the refusal of NUL characters
 * (string-guard.ts). A new armor per call: armor mutates its configuration when it builds the
 * rules. armor reports a rejected document to the validation context (code BAD_USER_INPUT) rather
 * than throwing, which Apollo would answer with a 500; Apollo then answers it as any validation
 * error: HTTP 400, extensions.code GRAPHQL_VALIDATION_FAILED, with armor's message.
 */
export function createGraphqlLimits(options: { hideSuggestions: boolean }): {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
} {
  const armor = new ApolloArmor({
    maxTokens: { enabled: false },
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, flattenFragments: false },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    // Cost needs the request's variables, which validation has not: cost-limit.ts counts it later.
    costLimit: { enabled: false },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    // armor's mask only catches `Did you mean "x"`; ours below removes every suggestion sentence.
    blockFieldSuggestion: { enabled: options.hideSuggestions, mask: '' },
  });
  const { validationRules, plugins } = armor.protect();
  return {
    validationRules,
    plugins: [...(options.hideSuggestions ? [hideSuggestionsPlugin()] : []), ...plugins, nulCharacterGuardPlugin(),
      costLimitPlugin(GRAPHQL_LIMITS.maxCost)],
  };
}
