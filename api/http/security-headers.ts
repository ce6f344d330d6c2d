import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers with a strict Content-Security-Policy: the API answers JSON, and its only page (/docs) loads
 * its script and stylesheet from the API itself, so nothing inline and nothing from elsewhere is ever needed.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    // The API is called from other origins' servers, never embedded; same-site is the narrowest that still works.
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
}
