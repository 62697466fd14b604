import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Config } from '../config';

/**
 * Browser security headers on every response (pages, assets, JSON), by helmet. The policy is what
 * the built client needs and no more: its scripts and styles are files from this origin (Vite
 * emits no inline script, and index.html has none), it talks only to this origin, and it may not
 * be framed by anyone (frame-ancestors 'none', X-Frame-Options DENY: the administration pages do
 * things with one click). React sets `style` props through the CSSOM, which style-src does not
 * govern, so styles need no 'unsafe-inline'. Data URIs are allowed for images and fonts only
 * (NHS.UK frontend's icons in CSS). No Referer leaves the portal: password-reset links carry a token.
 */
export function securityHeaders(config: Pick<Config, 'production' | 'publicUrl'>) {
  const https = config.publicUrl.startsWith('https://');
  const options = (csp: boolean): Parameters<typeof helmet>[0] => ({
    contentSecurityPolicy: csp ? {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        // Only where the portal is reached over TLS: on http://localhost it would break every asset.
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
  });
  const strict = helmet(options(true));
  // Apollo's landing page outside production (GET /graphql from a browser) is Apollo's own HTML with
  // an inline script and a CDN: it gets every header but the policy. In production it is off.
  const landingPage = helmet(options(false));
  return (req: Request, res: Response, next: NextFunction) => {
    const apolloLandingPage = !config.production && req.method === 'GET' && req.path === '/graphql'
      && (req.get('accept') ?? '').includes('text/html');
    (apolloLandingPage ? landingPage : strict)(req, res, next);
  };
}
