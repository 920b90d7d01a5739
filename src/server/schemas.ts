/**
 * Every request the API accepts, as zod schemas: validation, error messages and the OpenAPI document
 * come from the same definitions. Query strings are strict: an unknown parameter ("typ=") is an error,
 * not a silently ignored filter.
 */
import { z } from 'zod';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'not a calendar date');

const bbox = z
  .string()
  .describe('west,south,east,north in degrees')
  .transform((value, ctx) => {
    const parts = value.split(',').map((p) => Number(p.trim()));
    const [west, south, east, north] = parts;
    const ok =
      parts.length === 4 &&
      parts.every(Number.isFinite) &&
      west >= -180 && east <= 180 && south >= -90 && north <= 90 && west <= east && south <= north;
    if (!ok) {
      ctx.addIssue({ code: 'custom', message: 'expected west,south,east,north with -180<=west<=east<=180, -90<=south<=north<=90' });
      return z.NEVER;
    }
    return [west, south, east, north] as [number, number, number, number];
  });

export const EventsQuery = z.strictObject({
  from: isoDay.optional().describe('events ending on or after this day'),
  to: isoDay.optional().describe('events starting on or before this day'),
  bbox: bbox.optional(),
  type: z.string().max(500).optional().describe('event type(s), comma-separated (ACLED names)'),
  actor: z.string().min(1).max(200).optional().describe('case-insensitive part of actor1 or actor2'),
  country: z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code').optional(),
  q: z.string().max(200).optional().describe('words in the evidence or article text (all must match)'),
  limit: z.coerce.number().int().min(1).max(5000).default(100),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
});

export const EventId = z.string().regex(/^ev_[0-9a-f]{16}$/, 'expected an event id like ev_0123456789abcdef');
export const ArticleId = z.string().regex(/^[0-9a-f]{16}$/, 'expected an article id (16 hex digits)');

export const DocumentBody = z
  .strictObject({
    text: z.string().min(1).optional().describe('plain text of one article'),
    html: z.string().min(1).optional().describe('an HTML page holding one article'),
    title: z.string().max(1000).optional(),
    published: isoDay.optional().describe('publication date, needed to resolve "on Monday"'),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  })
  .refine((body) => (body.text === undefined) !== (body.html === undefined), 'give exactly one of text or html');

export const ExportQuery = z.strictObject({
  format: z.enum(['csv', 'geojson', 'jsonl']).default('csv'),
  since: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), 'expected an ISO 8601 date or time')
    .optional()
    .describe('only events changed or deleted since then'),
});

/** "limit: Too big: expected number to be <=5000; bbox: ..." for a 400 response. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') return `unknown parameter(s): ${issue.keys.join(', ')}`;
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
