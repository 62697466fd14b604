import { readdirSync } from 'node:fs';
import path from 'node:path';
import { constants } from 'node:zlib';
import compression from 'compression';
import express, { type Request, type RequestHandler, type Response } from 'express';

/** Vite names every file under /assets/ after a hash of its content: a new build means new names. */
const HASHED_ASSET = /^\/assets\//;

/**
 * Compresses what the portal answers (brotli when the browser accepts it, else gzip): the client's
 * scripts and styles shrink to about a fifth, GraphQL answers too. The funding exports stream
 * their rows as they are read and keep doing so uncompressed.
 */
export function compressResponses(): RequestHandler {
  return compression({
    // Brotli's quality 4 (the middleware's default) came out larger than gzip for the client's
    // scripts; 5 is 7% smaller than gzip for a third more time (about 0.1 s for a first visit's files).
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
    filter: (req: Request, res: Response) => !req.path.startsWith('/exports/') && compression.filter(req, res),
  });
}

/**
 * The built client's files. A hashed asset never changes, so browsers keep it for a year without
 * asking again; anything else (routes.json, a file without a hash) is checked on every use.
 */
export function clientAssets(clientDist: string): RequestHandler {
  const files = express.static(clientDist, {
    index: false,
    setHeaders: (res, _filePath) => {
      const pathname = (res.req as Request).path;
      res.setHeader('cache-control', HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const brotli = precompressedAssets(clientDist);
  return (req, res, next) => {
    // A hashed script or style the build compressed at brotli's best: that file, to a browser that takes it.
    if ((req.method === 'GET' || req.method === 'HEAD') && brotli.has(req.path) && req.acceptsEncodings('br') === 'br') {
      res.setHeader('vary', 'Accept-Encoding');
      res.setHeader('content-encoding', 'br');
      res.type(path.extname(req.path));
      res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      res.sendFile(`${req.path}.br`, { root: clientDist, dotfiles: 'deny', cacheControl: false }, (error) => {
        if (error) next(error);
      });
      return;
    }
    files(req, res, next);
  };
}

/** The addresses of the assets the build wrote a .br file beside (client/vite.config.ts). */
function precompressedAssets(clientDist: string): Set<string> {
  try {
    return new Set(readdirSync(path.join(clientDist, 'assets'))
      .filter((name) => name.endsWith('.br'))
      .map((name) => `/assets/${name.slice(0, -'.br'.length)}`));
  } catch {
    return new Set();
  }
}
