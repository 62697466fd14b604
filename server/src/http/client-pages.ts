import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { match } from 'path-to-regexp';
import type { DataSource } from 'typeorm';
import { partnershipName, publicSession } from '../modules/catalogue/public-pages.queries';
import { clientRouteMatcher } from './client-routes';
import { pageTitle, PORTAL_DESCRIPTION, PORTAL_NAME, sessionHead, withHead, type PageHead } from './page-head';

const START_PAGE = match<{ slug: string }>('/p/:slug', { trailing: true });
const FIND_TRAINING = match<{ slug: string }>('/p/:slug/find-training', { trailing: true });
const SESSION_PAGE = match<{ slug: string; id: string }>('/p/:slug/sessions/:id', { trailing: true });

/** The title, description and (for a public session) schema.org data of the page at this address. */
async function headFor(dataSource: DataSource, publicUrl: string, pathname: string): Promise<PageHead | null> {
  if (pathname === '/') return { title: pageTitle('Find training in your partnership'), description: PORTAL_DESCRIPTION, canonicalUrl: `${publicUrl}/` };
  const session = SESSION_PAGE(pathname);
  if (session) {
    const row = await publicSession(dataSource, session.params.slug, session.params.id);
    const pageUrl = `${publicUrl}/p/${encodeURIComponent(session.params.slug)}/sessions/${encodeURIComponent(session.params.id)}`;
    return row ? sessionHead(row, pageUrl) : null;
  }
  const start = START_PAGE(pathname);
  const findTraining = start ? false : FIND_TRAINING(pathname);
  const slug = start ? start.params.slug : findTraining ? findTraining.params.slug : null;
  if (!slug) return null;
  const name = await partnershipName(dataSource, slug);
  if (!name) return null;
  const address = `${publicUrl}/p/${encodeURIComponent(slug)}${findTraining ? '/find-training' : ''}`;
  return findTraining
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
    const headPromise = known ? headFor(options.dataSource, options.publicUrl, req.path) : Promise.resolve(null);
    headPromise.then((head) => {
      res.setHeader('cache-control', 'no-cache');
      res.status(known ? 200 : 404).type('html').send(head ? withHead(indexHtml, head) : indexHtml);
    }, next);
  };
}
