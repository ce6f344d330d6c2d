import express from 'express';
import { z } from 'zod';

import { problemHandler } from '../../api/http/errors';
import { hardening } from '../../api/http/hardening';
import { loadHttpConfig } from '../../config/http';
import { createLogger } from '../../api/http/logger';
import type { OpenApiDocument } from '../../api/docs/openapi';
import { OpenApiRegistry, toOpenApiPath } from '../../api/docs/openapi';
import { docsRouter } from '../../api/docs/openapi-docs';
import { HANDLING_BODIES } from '../../domain/case';
import { listen } from '../helpers/listen';

const caseNumber = z.string().regex(/^[A-Z]{2,10}-\d{4}-\d{1,6}$/);
const actor = z.strictObject({ id: z.string().min(1), role: z.string() });
const submit = z.strictObject({
  caseNumber,
  handlingBody: z.enum(HANDLING_BODIES),
  preFiling: z.boolean().default(false),
  submittedBy: actor,
});
const decision = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept'), actor, caseOfficer: z.string() }),
  z.strictObject({ decision: z.literal('decline'), actor, reason: z.string() }),
]);
const caseState = z.object({ caseNumber, stage: z.string(), preFiling: z.boolean() });

function buildDocument(): OpenApiDocument {
  const registry = new OpenApiRegistry();
  registry.registerRoute({
    method: 'post',
    path: '/cases',
    summary: '事项提出',
    tags: ['cases'],
    requestSchema: submit,
    responseSchema: z.object({ caseNumber }),
    responses: { 201: 'submitted', 409: 'a case with this number exists' },
    security: 'bearer',
  });
  registry.registerRoute({
    method: 'post',
    path: '/cases/:caseNumber/acceptance',
    summary: '受理或不予受理',
    tags: ['cases'],
    params: z.object({ caseNumber }),
    requestSchema: decision,
    responseSchema: caseState,
    responseName: 'CaseState',
    responses: { 200: 'decided', 403: 'not permitted', 404: 'no such case' },
    security: 'bearer',
  });
  registry.registerRoute({
    method: 'get',
    path: '/cases/:caseNumber',
    summary: 'the state of a case',
    tags: ['cases'],
    responseSchema: caseState,
    responses: { 200: 'the case', 404: 'no such case' },
    security: 'bearer',
  });
  // Registering again replaces rather than duplicates, so building an app twice is harmless.
  registry.registerRoute({
    method: 'get',
    path: '/healthz',
    summary: 'liveness',
    tags: ['ops'],
    query: z.object({ verbose: z.enum(['0', '1']).optional() }),
    responses: { 200: 'up' },
    security: 'none',
  });
  registry.registerRoute({
    method: 'get',
    path: '/healthz',
    summary: 'liveness',
    tags: ['ops'],
    responses: { 200: 'up' },
    security: 'none',
  });
  return registry.buildOpenApiDocument({ title: '容错纠错免责减责 API', version: '1.0.0' });
}

/** Every `$ref` in `node`. */
function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)));
  }
  return [];
}

describe('the OpenAPI document', () => {
  const doc = buildDocument();

  test('is OpenAPI 3.1 with paths in OpenAPI syntax', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/cases',
      '/cases/{caseNumber}',
      '/cases/{caseNumber}/acceptance',
      '/healthz',
    ]);
    expect(toOpenApiPath('/a/:b/c/:d_e')).toBe('/a/{b}/c/{d_e}');
  });

  test('operations carry parameters, request bodies and responses', () => {
    const acceptance = doc.paths['/cases/{caseNumber}/acceptance'].post as any;
    expect(acceptance.operationId).toBe('postCasesCaseNumberAcceptance');
    expect(acceptance.parameters).toEqual([
      {
        name: 'caseNumber',
        in: 'path',
        required: true,
        schema: { type: 'string', pattern: '^[A-Z]{2,10}-\\d{4}-\\d{1,6}$' },
      },
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
    ]);
    expect(acceptance.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/PostCasesCaseNumberAcceptanceRequest',
    });
    expect(acceptance.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CaseState',
    });
    expect(acceptance.responses['404'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/ProblemDetails',
    });
    expect(Object.keys(acceptance.responses)).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
      '422',
      '429',
    ]);
    expect(acceptance.responses['401'].headers).toHaveProperty('WWW-Authenticate');
    expect(acceptance.security).toEqual([{ bearerAuth: [] }]);

    const health = doc.paths['/healthz'].get as any;
    expect(health.security).toEqual([]);
    expect(health.parameters).toEqual([]);
    expect(Object.keys(health.responses)).toEqual(['200', '429']);
  });

  test('status_code_conformance: the answers of the middleware are declared where it gives them', () => {
    // The JSON body middleware answers any POST whose body is too large or not JSON, before the route.
    const submit = doc.paths['/cases'].post as any;
    expect(submit.responses['413'].content['application/problem+json']).toBeDefined();
    expect(submit.responses['415'].content['application/problem+json']).toBeDefined();
    // A route with a query refuses bad or unknown parameters; one without declares no 400.
    const registry = new OpenApiRegistry();
    registry.registerRoute({
      method: 'get',
      path: '/cases',
      summary: 'list',
      query: z.strictObject({ stage: z.string().optional() }),
      responses: { 200: 'a page' },
      security: 'bearer',
    });
    const list = registry.buildOpenApiDocument({ title: 't', version: '1' }).paths['/cases'].get as any;
    expect(Object.keys(list.responses)).toEqual(['200', '400', '401', '429']);
    expect(Object.keys((doc.paths['/cases/{caseNumber}'].get as any).responses)).not.toContain('400');
  });

  test('schemas are components: requests as accepted, responses as produced', () => {
    const schemas = doc.components.schemas as any;
    expect(Object.keys(schemas).sort()).toEqual([
      'CaseState',
      'PostCasesCaseNumberAcceptanceRequest',
      'PostCasesRequest',
      'PostCasesResponse',
      'ProblemDetails',
    ]);
    // A default makes a field optional in what is accepted, required in what is produced.
    expect(schemas.PostCasesRequest.required).not.toContain('preFiling');
    expect(schemas.CaseState.required).toContain('preFiling');
    expect(
      schemas.PostCasesCaseNumberAcceptanceRequest.oneOf ?? schemas.PostCasesCaseNumberAcceptanceRequest.anyOf,
    ).toHaveLength(2);
    expect(schemas.ProblemDetails.properties).toEqual(
      expect.objectContaining({
        errors: expect.anything(),
        stage: expect.anything(),
        allowedActions: expect.anything(),
      }),
    );
    expect(schemas.ProblemDetails.properties.errors.items.properties).toEqual({
      field: { type: 'string' },
      message: { type: 'string' },
    });
    for (const schema of Object.values(schemas)) {
      expect(schema).not.toHaveProperty('$schema');
      expect(schema).not.toHaveProperty('$id');
    }
    for (const ref of refs(doc)) expect(schemas).toHaveProperty(ref.replace('#/components/schemas/', ''));
  });

  test('schemas zod extracts by itself (named nested ones, recursive ones) become components too', () => {
    const party = z.strictObject({ name: z.string() }).meta({ id: 'Party' });
    const node: z.ZodType = z.lazy(() => z.object({ name: z.string(), children: z.array(node) }));
    const registry = new OpenApiRegistry();
    registry.registerRoute({
      method: 'post',
      path: '/trees',
      summary: 'a tree',
      requestSchema: z.object({ party, root: node }),
      responseSchema: z.object({ party, root: node }),
      responses: { 201: 'planted' },
      security: 'bearer',
    });
    const built = registry.buildOpenApiDocument({ title: 't', version: '1' });
    const schemas = built.components.schemas;
    expect(schemas).toHaveProperty('Party');
    expect(schemas).not.toHaveProperty('__shared');
    const all = refs(built);
    expect(all.length).toBeGreaterThan(2);
    for (const ref of all) {
      expect(ref).toMatch(/^#\/components\/schemas\/[A-Za-z0-9_]+$/);
      expect(schemas).toHaveProperty(ref.replace('#/components/schemas/', ''));
    }
  });

  test('a route answering a file declares its media type, and its errors stay problem+json', () => {
    const registry = new OpenApiRegistry();
    const media = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    registry.registerRoute({
      method: 'get',
      path: '/register.xlsx',
      summary: '导出台账',
      responseMediaType: media,
      responses: { 200: 'the workbook', 403: 'not permitted' },
      security: 'bearer',
    });
    const op = registry.buildOpenApiDocument({ title: 't', version: '1' }).paths['/register.xlsx'].get as any;
    expect(op.responses['200'].content).toEqual({ [media]: { schema: { type: 'string', contentMediaType: media } } });
    expect(Object.keys(op.responses['403'].content)).toEqual(['application/problem+json']);
  });

  test('declares bearer JWT security', () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.tags).toEqual([{ name: 'cases' }, { name: 'ops' }]);
  });
});

describe('the docs router', () => {
  test('serves the document, and a docs page whose script and style pass a strict CSP', async () => {
    const doc = buildDocument();
    const app = express();
    app.use(hardening({ config: loadHttpConfig({}), logger: createLogger({ level: 'silent' }) }));
    app.use(docsRouter(doc));
    app.use(problemHandler);
    const http = await listen(app);
    try {
      const json = await fetch(`${http.baseUrl}/openapi.json`);
      expect(json.headers.get('content-type')).toContain('application/json');
      expect(await json.json()).toEqual(JSON.parse(JSON.stringify(doc)));

      const page = await fetch(`${http.baseUrl}/docs`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const html = await page.text();
      expect(html).toContain('<script src="/docs/app.js" defer></script>');
      expect(html).toContain('data-spec="/openapi.json"');
      expect(html).not.toMatch(/<script>|<style>| style=| on[a-z]+=/);

      const script = await fetch(`${http.baseUrl}/docs/app.js`);
      expect(script.headers.get('content-type')).toContain('text/javascript');
      const source = await script.text();
      expect(() => new Function(source)).not.toThrow();
      const css = await fetch(`${http.baseUrl}/docs/app.css`);
      expect(css.headers.get('content-type')).toContain('text/css');
    } finally {
      await http.close();
    }
  });
});
