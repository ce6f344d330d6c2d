/**
 * A route is its handler and its OpenAPI description together, so a route cannot be mounted without being
 * documented, and the document is built from exactly the routes the app serves.
 */
import type { RequestHandler, Router } from 'express';

import type { OpenApiRegistry, RouteDoc } from '../docs/openapi';

export interface ApiRoute {
  readonly doc: RouteDoc;
  readonly handler: RequestHandler;
}

/** Mounts each route on `router` under its documented method and path, and registers its description. */
export function mountRoutes(router: Router, registry: OpenApiRegistry, routes: readonly ApiRoute[]): void {
  for (const route of routes) {
    registry.registerRoute(route.doc);
    router[route.doc.method](route.doc.path, route.handler);
  }
}
