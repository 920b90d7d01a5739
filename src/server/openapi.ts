/**
 * OpenAPI 3.1 description of the API at /api/openapi.json. Parameters and request bodies are
 * generated from the same zod schemas that validate requests, so the document cannot drift from
 * what the server accepts; responses are described in prose-level shape.
 */
import { z } from 'zod';
import { ArticleId, DocumentBody, EventId, EventsQuery, ExportQuery } from './schemas.js';

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = jsonSchema(field as z.ZodType);
    return {
      name,
      in: 'query',
      required: !(field as z.ZodType).safeParse(undefined).success,
      ...(typeof fieldSchema.description === 'string' ? { description: fieldSchema.description } : {}),
      schema: fieldSchema,
    };
  });
}

const pathId = (name: string, schema: z.ZodType) => ({ name, in: 'path', required: true, schema: jsonSchema(schema) });

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const json = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

let cached: object | null = null;

export function openApiDocument(): object {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'sitrep API',
      version: '1',
      description: 'Conflict events extracted from news, merged across sources, each traced to its evidence.',
    },
    paths: {
      '/healthz': { get: { summary: 'Liveness', responses: { 200: json('{"status":"ok"}') } } },
      '/api/events': {
        get: {
          summary: 'Events matching filters, newest first, paged by cursor',
          parameters: queryParameters(EventsQuery),
          responses: { 200: json('{events, total, nextCursor}'), 400: error('invalid query') },
        },
      },
      '/api/events/{id}': {
        get: {
          summary: 'One event with every source: mention, article, and the span of each field',
          parameters: [pathId('id', EventId)],
          responses: {
            200: json('the event with sources and mergedFrom'),
            301: error('the id was merged into another event (Location, mergedInto)'),
            400: error('malformed id'),
            404: error('no such event'),
          },
        },
      },
      '/api/events/{id}/history': {
        get: {
          summary: 'Merge decisions that built the event, with every criterion checked',
          parameters: [pathId('id', EventId)],
          responses: { 200: json('{id, via, history}'), 404: error('no such event') },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'A stored article with all its layers and the current event id of each of its events',
          parameters: [pathId('id', ArticleId)],
          responses: { 200: json('the article'), 404: error('no such article') },
        },
      },
      '/api/documents': {
        post: {
          summary: 'Run the pipeline on a document and store it (idempotent: same content, same article)',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(DocumentBody) } } },
          responses: {
            201: json('{articles: [{id, status: "stored", eventIds}]}'),
            200: json('already stored: {articles: [{id, status: "unchanged", eventIds}]}'),
            400: error('invalid JSON or document'),
            401: error('missing or wrong token'),
            403: error('writes disabled beyond loopback without SITREP_TOKEN'),
            413: error('body too large'),
            415: error('not JSON'),
            422: error('no article text found'),
          },
        },
      },
      '/api/stats': { get: { summary: 'Counts by type and country, date range, last update', responses: { 200: json('stats') } } },
      '/api/export': {
        get: {
          summary: 'All events (or changes since a time) as ACLED-column CSV, GeoJSON or JSON lines',
          parameters: queryParameters(ExportQuery),
          responses: { 200: { description: 'the export file' }, 400: error('invalid query') },
        },
      },
    },
    components: {
      schemas: { Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } } },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'SITREP_TOKEN' } },
    },
  };
  return cached;
}
