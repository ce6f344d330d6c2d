import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers with a strict Content-Security-Policy: the API answers JSON, and its only page (/docs) loads
 * its script and stylesheet from the API itself, so nothing inline and nothing from elsewhere is ever needed; only
 * the identity provider's origin may be fetched from besides, by the workbench's sign-in.
 */
export function securityHeaders(options: { readonly connectSources?: readonly string[] } = {}): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        // The identity provider's origin when the workbench signs in with it (its token endpoint, keys, discovery).
        connectSrc: ["'self'", ...(options.connectSources ?? [])],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    // The API is called from other origins' servers, never embedded; same-site is the narrowest that still works.
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
}
