import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { sitemapRows } from '../modules/catalogue/public-pages.queries';
import { escapeHtml } from './page-head';

/**
 * robots.txt and sitemap.xml for search engines: every partnership's start page and Find
 * training, and every upcoming session of a public course. Pages behind sign-in, the API and the
 * exports are nothing for a crawler.
 */
export function seoRoutes(options: { dataSource: DataSource; publicUrl: string; clock: () => Date }): Router {
  const router = Router();
  router.get('/robots.txt', (_req, res) => {
    res.type('text/plain').setHeader('cache-control', 'public, max-age=3600');
    res.send([
      'User-agent: *',
      'Allow: /',
      'Disallow: /graphql',
      'Disallow: /exports/',
      'Disallow: /admin/',
      'Disallow: /funding/',
      '',
      `Sitemap: ${options.publicUrl}/sitemap.xml`,
      '',
    ].join('\n'));
  });
  router.get('/sitemap.xml', async (_req, res, next) => {
    try {
      const rows = await sitemapRows(options.dataSource, options.clock());
      const urls: string[] = [];
      let slug: string | null = null;
      for (const row of rows) {
        const base = `${options.publicUrl}/p/${encodeURIComponent(row.slug)}`;
        if (row.slug !== slug) {
          slug = row.slug;
          urls.push(base, `${base}/find-training`);
        }
        if (row.sessionId) urls.push(`${base}/sessions/${encodeURIComponent(row.sessionId)}`);
      }
      res.type('application/xml').setHeader('cache-control', 'public, max-age=3600');
      res.send([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ...urls.map((url) => `  <url><loc>${escapeHtml(url)}</loc></url>`),
        '</urlset>',
        '',
      ].join('\n'));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
