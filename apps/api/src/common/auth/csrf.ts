import { randomBytes } from 'node:crypto';

export const CSRF_HEADER = 'x-csrf-token';
/** Before sign-in there is no session to bind to: a double-submit cookie carries the token. */
export const CSRF_COOKIE = 'tadamon_csrf';

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Fetch Metadata: browsers say where a request comes from. A cross-site state change is
 * refused outright; older browsers that send nothing fall through to the token check.
 */
export function isCrossSite(secFetchSite: string | undefined): boolean {
  return secFetchSite !== undefined && secFetchSite !== 'same-origin' && secFetchSite !== 'none';
}
