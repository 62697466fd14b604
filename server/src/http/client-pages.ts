import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { match } from 'path-to-regexp';
import type { DataSource } from 'typeorm';
import { publicPartnership, publicSession } from '../modules/catalogue/public-pages.queries';
import { clientRouteMatcher } from './client-routes';
import { pageTitle, PORTAL_DESCRIPTION, PORTAL_NAME, sessionHead, withHead, type PageHead } from './page-head';
import { findTrainingScreen, sessionScreen, startPageScreen, withFirstScreen, type FirstScreen } from './first-screen';
import { sessionTokenFrom } from './session-cookie';

const START_PAGE = match<{ slug: string }>('/p/:slug', { trailing: true });
const FIND_TRAINING = match<{ slug: string }>('/p/:slug/find-training', { trailing: true });
const SESSION_PAGE = match<{ slug: string; id: string }>('/p/:slug/sessions/:id', { trailing: true });

interface PublicPage {
  head: PageHead;
  /** The page's header, heading and lead paragraph, painted before the client's script runs. */
  firstScreen?: FirstScreen;
}

/**
 * The title, description and (for a public session) schema.org data of the page at this address,
 * and for the public pages their first screen. `signedOut`: no session cookie came with the request.
 */
async function pageFor(dataSource: DataSource, publicUrl: string, pathname: string, requested: string, signedOut: boolean): Promise<PublicPage | null> {
  if (pathname === '/') return { head: { title: pageTitle('Find training in your partnership'), description: PORTAL_DESCRIPTION, canonicalUrl: `${publicUrl}/` } };
  const session = SESSION_PAGE(pathname);
  if (session) {
    const row = await publicSession(dataSource, session.params.slug, session.params.id);
    const pageUrl = `${publicUrl}/p/${encodeURIComponent(session.params.slug)}/sessions/${encodeURIComponent(session.params.id)}`;
    if (!row) return null;
    const partnership = { id: row.partnershipId, name: row.partnershipName, slug: row.partnershipSlug };
    return {
      head: sessionHead(row, pageUrl),
      firstScreen: sessionScreen(partnership, requested, signedOut, { id: row.id, title: row.title, summary: row.summary, providerName: row.providerName }),
    };
  }
  const start = START_PAGE(pathname);
  const findTraining = start ? false : FIND_TRAINING(pathname);
  const slug = start ? start.params.slug : findTraining ? findTraining.params.slug : null;
  if (!slug) return null;
  const partnership = await publicPartnership(dataSource, slug);
  if (!partnership) return null;
  const { name } = partnership;
  const address = `${publicUrl}/p/${encodeURIComponent(slug)}${findTraining ? '/find-training' : ''}`;
  const head: PageHead = findTraining
    ? {
      title: pageTitle('Find training', name),
      description: `Search the courses open to people who work or volunteer across ${name}: free training, `
        + 'courses open to volunteers, online or near you, with the seats left.',
      canonicalUrl: address,
    }
    : {
      title: pageTitle(name),
      description: `${name}'s ${PORTAL_NAME}: joint learning and development for staff and volunteers of its `
        + 'health and social care organisations. Find a course and book a place.',
      canonicalUrl: address,
    };
  return { head, firstScreen: (findTraining ? findTrainingScreen : startPageScreen)(partnership, requested, signedOut) };
}

/**
 * Every client address gets the client's index.html (200 for a known route, 404 for any other),
 * with the page's own title and description in its head, and for a public session its schema.org
 * Course, so that search engines see them without running the app. index.html itself is never
 * cached: it names the hashed files of the current build.
 */
export function clientPages(options: { clientDist: string; dataSource: DataSource; publicUrl: string; skip: RegExp }): RequestHandler {
  const indexHtml = readFileSync(path.join(options.clientDist, 'index.html'), 'utf8');
  const isClientRoute = clientRouteMatcher(options.clientDist);
  return (req: Request, res: Response, next: NextFunction) => {
    if (options.skip.test(req.path)) return next();
    const known = isClientRoute(req.path);
    const signedOut = sessionTokenFrom(req) === null;
    const pagePromise = known ? pageFor(options.dataSource, options.publicUrl, req.path, req.originalUrl, signedOut) : Promise.resolve(null);
    pagePromise.then((found) => {
      let html = found ? withHead(indexHtml, found.head) : indexHtml;
      if (found?.firstScreen) html = withFirstScreen(html, found.firstScreen);
      res.setHeader('cache-control', 'no-cache');
      // The first screen differs with and without a session cookie.
      res.vary('cookie');
      res.status(known ? 200 : 404).type('html').send(html);
    }, next);
  };
}
