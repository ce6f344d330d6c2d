import express from 'express';
import type { RequestHandler } from 'express';

import { HTTP_PROBLEM_TEXTS } from '../../domain/texts';
import { HttpProblem } from './errors';

const JSON_TYPES = ['application/json', 'application/*+json'];
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * JSON request bodies only: a POST that is not `application/json` is answered 415 rather than parsed as nothing
 * (which would otherwise surface as a confusing list of missing fields); bodies over `limit` get 413, broken
 * JSON 400, each as problem+json through the problem handler.
 */
export function jsonBody(options: { readonly limit: string }): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    // A request without a body (`is` answers null, or an empty one: `Content-Length: 0`, which clients send for a
    // bodiless POST) reaches its schema and is told what is missing.
    if (WITH_BODY.has(req.method) && req.is(JSON_TYPES) === false && req.get('content-length') !== '0') {
      throw new HttpProblem(415, 'Unsupported media type', HTTP_PROBLEM_TEXTS.jsonBody, {
        accepted: JSON_TYPES,
      });
    }
    next();
  };
  return [requireJson, express.json({ limit: options.limit, strict: true, type: JSON_TYPES })];
}
