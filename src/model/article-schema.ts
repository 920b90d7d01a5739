/**
 * The JSON contract of `sitrep extract`, as a zod schema: the README documents it, the tests check
 * every output against it, and API clients can import it.
 */
import { z } from 'zod';

const offsets = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const dateValue = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const precisionCode = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const SpanSchema = z.object(offsets);

export const EntitySchema = z.object({
  ...offsets,
  text: z.string(),
  type: z.enum(['PERSON', 'ORGANISATION', 'LOCATION', 'NATIONALITY', 'WEAPON', 'MILITARY_PLATFORM', 'MONEY', 'QUANTITY', 'TEMPORAL']),
  canonical: z.string().optional(),
  actorCategory: z.string().optional(),
});

export const PlaceSchema = z.object({
  ...offsets,
  text: z.string(),
  name: z.string(),
  geonameId: z.number().int().nullable(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  countryCode: z.string(),
  admin1: z.string().nullable(),
  admin2: z.string().nullable().optional(),
  featureCode: z.string().nullable(),
  precision: precisionCode,
});

export const DateSchema = z.object({
  ...offsets,
  text: z.string(),
  value: dateValue.nullable(),
  valueEnd: dateValue.nullable().optional(),
  precision: z.enum(['day', 'week', 'month', 'year', 'range']),
  components: z.object({
    year: z.number().int().optional(),
    month: z.number().int().min(1).max(12).optional(),
    day: z.number().int().min(1).max(31).optional(),
    weekday: z.number().int().min(0).max(6).optional(),
  }),
});

export const QuantitySchema = z.object({
  ...offsets,
  text: z.string(),
  value: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  qualifier: z.string().nullable(),
  unit: z.string().nullable(),
});

export const EventSchema = z.object({
  id: z.string().min(1),
  type: z.string(),
  subType: z.string(),
  date: dateValue.nullable(),
  dateEnd: dateValue.nullable(),
  datePrecision: precisionCode,
  actor1: z.string().nullable(),
  actor2: z.string().nullable(),
  location: z
    .object({
      name: z.string(),
      lat: z.number(),
      lon: z.number(),
      countryCode: z.string(),
      admin1: z.string().nullable(),
      admin2: z.string().nullable().optional(),
      precision: precisionCode,
    })
    .passthrough()
    .nullable(),
  fatalities: z.number().int().nonnegative().nullable(),
  counts: z.array(
    z.object({
      ...offsets,
      kind: z.string(),
      value: z.number().nullable(),
      min: z.number().nullable(),
      max: z.number().nullable(),
      qualifier: z.string().nullable(),
      text: z.string(),
    }),
  ),
  attribution: z.string().nullable(),
  evidence: z.object({ ...offsets, text: z.string() }),
}).passthrough();

export const ArticleSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  title: z.string().nullable(),
  highlights: z.array(z.string()),
  dateline: z.string().nullable(),
  published: day.nullable(),
  url: z.string().nullable(),
  text: z.string(),
  source: z.object({ path: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }),
  subheads: z.array(SpanSchema),
  sentences: z.array(SpanSchema),
  entities: z.array(EntitySchema),
  places: z.array(PlaceSchema),
  dates: z.array(DateSchema),
  quantities: z.array(QuantitySchema),
  events: z.array(EventSchema),
  context: z.array(EventSchema),
});

export const ExtractOutputSchema = z.object({ articles: z.array(ArticleSchema) });
