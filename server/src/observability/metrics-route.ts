import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Config } from '../config';
import type { Metrics } from './metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * GET /metrics for Prometheus. With METRICS_TOKEN set, only for `Authorization: Bearer <token>`
 * (401 otherwise); without one, open to a developer outside production and not served (404) in
 * production, where what the portal counts (operations, latencies, SQL) is nobody else's business.
 */
export function metricsRoute(config: Pick<Config, 'production' | 'metricsToken'>, metrics: Metrics) {
  const expected = config.metricsToken === null ? null : digest(config.metricsToken);
  return async (req: Request, res: Response) => {
    if (expected === null && config.production) {
      res.status(404).json({ error: 'Not found' });
      return;
    }
    if (expected !== null) {
      const [scheme, token] = (req.get('authorization') ?? '').split(' ');
      // Compared as digests: equal lengths for timingSafeEqual, and no early exit on the first differing character.
      if (scheme?.toLowerCase() !== 'bearer' || !token || !timingSafeEqual(digest(token), expected)) {
        res.status(401).setHeader('www-authenticate', 'Bearer realm="metrics"').json({ error: 'A metrics token is needed.' });
        return;
      }
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
