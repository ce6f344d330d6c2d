/**
 * What the infrastructure middleware leaves on `res.locals` for the handlers after it, typed once here so that
 * handlers neither cast nor guess.
 */
import type { Response } from 'express';

import type { Principal } from '../auth/principal';
import { HTTP_PROBLEM_TEXTS } from '../../domain/texts';
import { HttpProblem } from './errors';

declare global {
  // Declaration merging with Express's own `Locals` is the typed way to extend res.locals.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** Set by `authenticate`. */
      principal?: Principal;
      /** Set by the request-id middleware of `hardening()`. */
      requestId?: string;
    }
  }
}

/**
 * The authenticated caller of this request.
 *
 * @throws HttpProblem 401 when no authentication ran before the handler, so a mis-mounted route fails closed.
 */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal;
  if (!principal) throw new HttpProblem(401, 'Unauthorized', HTTP_PROBLEM_TEXTS.tokenMissing);
  return principal;
}
