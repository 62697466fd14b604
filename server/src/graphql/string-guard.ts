import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import { userError, type UserError } from './user-error';

/**
 * PostgreSQL cannot store or compare text holding the NUL character: a query given one fails with
 * "invalid byte sequence", which would reach the caller as a 500. No honest input contains it, so
 * every string in the request (variables and literal arguments) is checked before anything runs,
 * and the request is refused with 400 BAD_USER_INPUT naming where the character was.
 */
const NUL = '\u0000';

/** Most places reported: a request full of NULs gets a short answer. */
const MAX_REPORTED = 5;

interface Visit { value: unknown; key: string; parent: Visit | null }

function pathOf(visit: Visit): string[] {
  const path: string[] = [];
  for (let v: Visit | null = visit; v; v = v.parent) path.unshift(v.key);
  return path;
}

/**
 * Paths of strings holding NUL. Walked without recursion, and with each step pointing at its parent
 * rather than copying the path, so a variable nested 50,000 deep costs neither the stack nor
 * quadratic time.
 */
function nulPathsInVariables(variables: Record<string, unknown>): string[][] {
  const found: string[][] = [];
  const stack: Visit[] = Object.entries(variables).map(([key, value]) => ({ value, key, parent: null }));
  while (stack.length && found.length < MAX_REPORTED) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (typeof value === 'string') {
      if (value.includes(NUL)) found.push(pathOf(visit));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, key: String(index), parent: visit }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes(NUL)) found.push([...pathOf(visit), key]);
        stack.push({ value: item, key, parent: visit });
      }
    }
  }
  return found;
}

/** Paths (argument and input-field names) of string literals holding NUL. */
function nulPathsInDocument(document: DocumentNode): string[][] {
  const found: string[][] = [];
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (found.length >= MAX_REPORTED || !node.value.includes(NUL)) return;
      const names = ([...ancestors, parent] as Array<ASTNode | ReadonlyArray<ASTNode> | undefined>)
        .flatMap((a) => (a && 'kind' in a && (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD) ? [a.name.value] : []));
      found.push(names);
    },
  });
  return found;
}

export function nulCharacterGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const paths = [...nulPathsInVariables(request.variables ?? {}), ...nulPathsInDocument(document)];
          if (!paths.length) return;
          const userErrors: UserError[] = paths.slice(0, MAX_REPORTED).map((field) =>
            userError(field, 'Text must not contain the NUL character (\\u0000).', 'INVALID_CHARACTER'));
          // A plain GraphQLError (no path): format-error passes request errors through, and Apollo
          // drops extensions.http after taking the status from it.
          throw new GraphQLError(userErrors[0].message, {
            extensions: { code: 'BAD_USER_INPUT', userErrors, http: { status: 400 } },
          });
        },
      };
    },
  };
}
