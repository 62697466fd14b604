import { parse as parseCookies, serialize } from 'cookie';
import type { Request, Response } from 'express';

/**
 * The session travels in an httpOnly, SameSite=Lax cookie (Secure when the request came over
 * TLS), or, for scripts, as `Authorization: Bearer <token>`.
 */
export const SESSION_COOKIE = 'portal_session';

export function sessionTokenFrom(req: Request): string | null {
  const header = req.get('authorization');
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  const cookies = parseCookies(req.get('cookie') ?? '');
  return cookies[SESSION_COOKIE] ?? null;
}

function write(req: Request, res: Response, value: string, expires: Date): void {
  res.append('set-cookie', serialize(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', expires }));
}

export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: Date): void {
  write(req, res, token, expiresAt);
}

export function clearSessionCookie(req: Request, res: Response): void {
  write(req, res, '', new Date(0));
}
