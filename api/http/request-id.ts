import { randomUUID } from 'node:crypto';

import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Ids from a proxy or client are kept when they are plainly ids; anything else could smuggle text into logs. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Gives every request an id, taken from `X-Request-Id` when well-formed or freshly generated, echoes it in the
 * response and puts it in `res.locals.requestId`, so a client's report and the server's log line meet.
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const given = req.get(REQUEST_ID_HEADER);
    const id = given && WELL_FORMED.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}
