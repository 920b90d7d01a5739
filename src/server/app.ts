/**
 * The HTTP API and the dashboard's files, as one Hono app (no I/O beyond the store it is given).
 * Reads are open on loopback; writes need the token when one is set, and are refused when the
 * server is reachable beyond loopback without one. Every error is JSON with a message.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { Pipeline } from '../pipeline.js';
import { InvalidQueryError, type EventStore } from '../store/types.js';
import { EXPORT_MEDIA_TYPES, exportEvents } from '../store/export/index.js';
import { ApiError, errorResponse } from './errors.js';
import { draftsFromBody } from './documents.js';
import { openApiDocument } from './openapi.js';
import { ArticleId, DocumentBody, EventId, EventsQuery, ExportQuery, describeIssues } from './schemas.js';
import { dashboardAssets, readAsset } from './static-assets.js';

export interface AppOptions {
  store: EventStore;
  /** Builds the pipeline on the first POST (loading the gazetteer takes a moment; reads never need it). */
  pipeline: () => Pipeline;
  /** Bearer token for write endpoints (SITREP_TOKEN); when set it is required on every write. */
  token: string | null;
  /** Whether the server listens on loopback only: then writes without a token are allowed. */
  loopback: boolean;
  /** Largest accepted request body (default 2 MB). */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Host names a loopback server answers to: anything else is a DNS-rebinding page talking to it. */
const LOOPBACK_HOSTS = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, `invalid ${what}: ${describeIssues(result.error)}`);
  return result.data;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const app = new Hono();
  let pipeline: Pipeline | null = null;
  const assets = dashboardAssets();

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error.status, error.message, error.extra);
    if (error instanceof InvalidQueryError) return errorResponse(c, 400, error.message);
    process.stderr.write(`sitrep serve: internal error on ${c.req.method} ${c.req.path}: ${(error as Error).message}\n`);
    if (process.env.SITREP_DEBUG) console.error(error);
    return errorResponse(c, 500, 'internal error');
  });
  app.notFound((c) => errorResponse(c, 404, `no such resource: ${c.req.method} ${c.req.path}`));

  if (options.loopback) {
    app.use('*', async (c, next) => {
      const host = c.req.header('host') ?? '';
      if (!LOOPBACK_HOSTS.test(host)) return errorResponse(c, 403, `host "${host}" is not this loopback server`);
      await next();
    });
  }
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );

  const requireWriter = async (c: Context, next: () => Promise<void>) => {
    if (options.token) {
      const header = c.req.header('authorization') ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7) : '';
      if (!given || !sameToken(given, options.token)) return errorResponse(c, 401, 'missing or wrong bearer token (SITREP_TOKEN)');
    } else if (!options.loopback) {
      return errorResponse(c, 403, 'writes are disabled: this server is reachable beyond loopback and SITREP_TOKEN is not set');
    }
    // JSON only: a cross-site form or text/plain "simple request" cannot reach the pipeline.
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      return errorResponse(c, 415, 'send the document as JSON (Content-Type: application/json)');
    }
    await next();
  };
  const limit = bodyLimit({
    maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    onError: (c) => errorResponse(c, 413, `request body is larger than ${options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes`),
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/stats', (c) => c.json(store.stats()));

  app.get('/api/events', (c) => {
    const query = parse(EventsQuery, c.req.query(), 'query');
    const type = query.type?.split(',').map((t) => t.trim()).filter(Boolean);
    return c.json(store.queryEvents({ ...query, type }));
  });

  app.get('/api/events/:id', (c) => {
    const id = parse(EventId, c.req.param('id'), 'event id');
    const event = store.getEvent(id);
    if (event) return c.json(event);
    const resolved = store.resolveEventId(id);
    if (!resolved) throw new ApiError(404, `no event ${id}`);
    // A folded id lives on as a pointer to the event it became part of.
    c.header('Location', `/api/events/${resolved.id}`);
    return c.json({ error: `event ${id} was merged into ${resolved.id}`, mergedInto: resolved.id }, 301);
  });

  app.get('/api/events/:id/history', (c) => {
    const id = parse(EventId, c.req.param('id'), 'event id');
    const resolved = store.resolveEventId(id);
    if (!resolved) throw new ApiError(404, `no event ${id}`);
    return c.json({ id: resolved.id, via: resolved.via, history: store.mergeHistory(resolved.id) });
  });

  app.get('/api/articles/:id', (c) => {
    const id = parse(ArticleId, c.req.param('id'), 'article id');
    const article = store.getArticle(id);
    if (!article) throw new ApiError(404, `no article ${id}`);
    return c.json(article);
  });

  app.get('/api/export', (c) => {
    const query = parse(ExportQuery, c.req.query(), 'query');
    let body = '';
    exportEvents(store, query.format, (chunk) => (body += chunk), query.since ? new Date(query.since).toISOString() : undefined);
    c.header('Content-Type', EXPORT_MEDIA_TYPES[query.format]);
    c.header('Content-Disposition', `attachment; filename="sitrep-events.${query.format}"`);
    return c.body(body);
  });

  app.post('/api/documents', limit, requireWriter, async (c) => {
    let json: unknown;
    try {
      json = JSON.parse(await c.req.text());
    } catch {
      throw new ApiError(400, 'request body is not valid JSON');
    }
    const body = parse(DocumentBody, json, 'document');
    const drafts = draftsFromBody(body);
    if (!drafts.length) throw new ApiError(422, 'no article text found in the document');
    pipeline ??= options.pipeline();
    const articles = drafts.map((draft) => pipeline!.process(draft));
    const result = store.storeArticles(articles);
    const created = result.articles.some((a) => a.status === 'stored');
    return c.json({ articles: result.articles }, created ? 201 : 200);
  });

  app.get('*', (c) => {
    const asset = assets.get(c.req.path);
    if (!asset) return errorResponse(c, 404, `no such resource: GET ${c.req.path}`);
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', asset.immutable ? 'public, max-age=86400' : 'no-cache');
    return c.body(new Uint8Array(readAsset(asset)));
  });

  return app;
}
