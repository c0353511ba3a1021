import { routes, type RouteDef } from '@seatkit/core/contract';
import * as z from 'zod/mini';

type JsonSchema = Record<string, unknown>;

function schema(s: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

const errorResponse = {
  description: 'Error',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message', 'requestId'],
            properties: { code: { type: 'string' }, message: { type: 'string' }, details: {}, requestId: { type: 'string' } },
          },
        },
      },
    },
  },
};

let cached: JsonSchema | null = null;

/**
 * OpenAPI 3.1 generated from the contract's route table and zod schemas — the same ones the server validates with.
 * `serverUrl` is where the API is mounted (`/seatkit` under a host's prefix). Default `/`.
 */
export function buildOpenApi(serverUrl = '/'): JsonSchema {
  cached ??= buildDocument();
  return { ...cached, servers: [{ url: serverUrl }] };
}

function buildDocument(): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, def] of Object.entries(routes) as [string, RouteDef][]) {
    const path = def.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const pathParams = [...def.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const queryParams: unknown[] = [];
    if (def.query) {
      const q = schema(def.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [key, value] of Object.entries(q.properties ?? {})) {
        queryParams.push({ name: key, in: 'query', required: q.required?.includes(key) ?? false, schema: value });
      }
    }
    const operation: Record<string, unknown> = {
      operationId: name,
      summary: def.summary,
      tags: [def.tag],
      parameters: [...pathParams, ...queryParams],
      ...(def.auth === 'none' ? { security: [] } : def.auth === 'server' ? { security: [{ serverKey: [] }] } : {}),
      ...(def.permission ? { 'x-seatkit-permission': def.permission } : {}),
      ...(def.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(def.body, 'input') } } } } : {}),
      responses: {
        [String(def.status)]: def.response
          ? { description: 'OK', content: { 'application/json': { schema: schema(def.response, 'output') } } }
          : def.produces
            ? { description: 'A file, streamed', content: { [def.produces]: { schema: { type: 'string' } } } }
            : { description: 'No content' },
        default: errorResponse,
      },
    };
    if (def.method !== 'GET') {
      (operation.parameters as unknown[]).push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'A retried request with the same key returns the first result and changes nothing.',
        schema: { type: 'string', maxLength: 255 },
      });
    }
    paths[path] = { ...(paths[path] ?? {}), [def.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'SeatKit API', version: '0.1.0', description: 'Members, invitations, roles and license seats of organizations.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A user token (dev HS256 or the host JWT).' },
        serverKey: { type: 'http', scheme: 'bearer', description: 'The server key, for provisioning routes.' },
      },
    },
    paths,
  };
}
