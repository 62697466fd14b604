import type { ApolloClient } from '@apollo/client';
import { ViewerQuery } from './ui/viewer.query';
import { PartnershipBySlugQuery } from './ui/partnership-by-slug.query';

/**
 * The server writes a public page's first screen (header, heading, lead paragraph) into the
 * HTML, and beside it, as a JSON data block (never run, so the Content-Security-Policy allows
 * it), the figures that screen was made from (server/src/http/first-screen.ts). Written into the
 * cache before the first render, they let that render draw the same screen at once, without
 * asking the API for the partnership or, with no session cookie, for who is signed in.
 */
export interface FirstScreenData {
  partnership: { id: string; name: string; slug: string };
  signedOut: boolean;
  session?: { id: string; title: string; summary: string; providerName: string };
}

let data: FirstScreenData | null | undefined;

export function firstScreenData(): FirstScreenData | null {
  if (data !== undefined) return data;
  const block = document.getElementById('first-screen-data');
  try {
    data = block?.textContent ? (JSON.parse(block.textContent) as FirstScreenData) : null;
  } catch {
    data = null;
  }
  return data;
}

/** The session the server's first screen showed, while its page loads the rest. */
export function firstScreenSession(id: string): FirstScreenData['session'] | null {
  const session = firstScreenData()?.session;
  return session && session.id === id ? session : null;
}

export function primeCacheFromFirstScreen(client: ApolloClient): void {
  const first = firstScreenData();
  if (!first) return;
  const { partnership } = first;
  // The cache keys objects by type and id: the generated types leave __typename out.
  const typed = { __typename: 'Partnership' as const, id: partnership.id, name: partnership.name, slug: partnership.slug };
  client.writeQuery({ query: PartnershipBySlugQuery, variables: { slug: partnership.slug }, data: { partnership: typed } });
  if (first.signedOut) client.writeQuery({ query: ViewerQuery, data: { viewer: null } });
}
