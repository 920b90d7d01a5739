/**
 * The document model every stage shares. One `Doc` owns the article text; every layer a stage adds
 * is a list of spans with character offsets into `doc.text` (half-open: text.slice(start, end)),
 * so any field of the output can be traced back to the words that justify it.
 * Derived values (canonical actor, coordinates, normalised date) hang on the span, never replace it.
 */

export interface Span {
  start: number;
  end: number;
}

/** Where an article came from in its input file: path and character offsets into the decoded input. */
export interface SourceRef {
  path: string;
  start: number;
  end: number;
}

export type EntityType =
  | 'PERSON'
  | 'ORGANISATION'
  | 'LOCATION'
  | 'NATIONALITY'
  | 'WEAPON'
  | 'MILITARY_PLATFORM'
  | 'MONEY'
  | 'QUANTITY'
  | 'TEMPORAL';

/** ACLED actor categories, used by the actor dictionary. */
export type ActorCategory =
  | 'State forces'
  | 'Rebel group'
  | 'Political militia'
  | 'Identity militia'
  | 'Rioters'
  | 'Protesters'
  | 'Civilians'
  | 'External/Other forces';

export interface EntitySpan extends Span {
  text: string;
  type: EntityType;
  /** Canonical name from the actor dictionary (or the full name an in-document coreference points to). */
  canonical?: string;
  /** ACLED actor category when the entity resolves to a known actor. */
  actorCategory?: ActorCategory;
  /**
   * How the entity is mentioned when not by name: a common noun ("the city", "two bridges", "the
   * secretary") or a pronoun ("he", "I"). Absent for names. Such spans are not gazetteer names: use
   * `canonical` (the name they refer to) when set.
   */
  mention?: 'nominal' | 'pronoun';
}

/** ACLED geo precision: 1 the exact town, 2 near / part of a region, 3 only the admin1 or region. */
export type GeoPrecision = 1 | 2 | 3;

/** Where a place is, as the gazetteer knows it: shared by place spans, event locations and entries. */
export interface PlacePoint {
  name: string;
  lat: number;
  lon: number;
  countryCode: string;
  admin1: string | null;
  /**
   * Second-level division (GeoNames admin2 code, e.g. a Syrian district) when the gazetteer knows it:
   * only imported GeoNames dumps carry it, the bundled npm sources do not. Merging uses it.
   */
  admin2?: string | null;
}

export interface PlaceSpan extends Span, PlacePoint {
  text: string;
  /** `name` is the gazetteer name of the resolved place, `text` the words of the mention. */
  geonameId: number | null;
  featureCode: string | null;
  precision: GeoPrecision;
}

export type DatePrecision = 'day' | 'week' | 'month' | 'year' | 'range';

/** What the expression itself says, kept even when no publication date lets us resolve it. */
export interface DateComponents {
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday ... 6 = Saturday */
  weekday?: number;
}

export interface DateSpan extends Span {
  text: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when the expression needs a publication date we do not have. */
  value: string | null;
  /** Last day of a range (same formats as value). Named valueEnd because `end` is the span offset. */
  valueEnd?: string | null;
  precision: DatePrecision;
  components: DateComponents;
}

export interface QuantitySpan extends Span {
  text: string;
  value: number | null;
  min: number | null;
  max: number | null;
  qualifier: string | null;
  unit: string | null;
}

export type CountKind = 'fatalities' | 'injured' | 'displaced' | 'arrived' | 'arrested' | 'captured' | 'people';

export interface EventCount extends Span {
  kind: CountKind;
  value: number | null;
  min: number | null;
  max: number | null;
  qualifier: string | null;
  text: string;
}

export interface EventLocation extends PlacePoint {
  precision: GeoPrecision;
  /** Offsets of the place mention the location was taken from, when it is in this article. */
  start?: number;
  end?: number;
}

export interface EventSpan {
  id: string;
  /** ACLED event type, sitrep's Displacement/Arrival, or "Context" for cumulative statistics. */
  type: string;
  subType: string;
  date: string | null;
  dateEnd: string | null;
  /** ACLED time precision: 1 day, 2 week or range, 3 month (or coarser). */
  datePrecision: 1 | 2 | 3;
  actor1: string | null;
  actor2: string | null;
  location: EventLocation | null;
  fatalities: number | null;
  counts: EventCount[];
  attribution: string | null;
  evidence: Span & { text: string };
  /** Extra traces (trigger word, lexicon line, spans of actors/date) a stage may add for `explain`. */
  trace?: Record<string, unknown>;
}

/** What the readers and the segmenter hand to the pipeline: an article before any layer is added. */
export interface ArticleDraft {
  title: string | null;
  highlights: string[];
  dateline: string | null;
  published: string | null;
  url: string | null;
  text: string;
  /** All-caps or headline-shaped lines inside the body: kept in the text, never sentences. */
  subheads: Span[];
  source: SourceRef;
}

/** The serialised article: the JSON contract of `sitrep extract` (see README). */
export interface Article extends ArticleDraft {
  id: string;
  sentences: Span[];
  entities: EntitySpan[];
  places: PlaceSpan[];
  dates: DateSpan[];
  quantities: QuantitySpan[];
  events: EventSpan[];
  /** Cumulative or background statistics ("since 2011 the war has killed 360,000"): not events. */
  context: EventSpan[];
}

/** A token from wink-nlp, with offsets into the article text. */
export interface Token extends Span {
  text: string;
  /** Universal POS tag from wink (PROPN, NOUN, VERB, ...). */
  pos: string;
  /** wink token type (word, number, punctuation, ...). */
  kind: string;
  /** Whether preceded by whitespace in the text. */
  lemma?: string;
}

/**
 * The working document during the pipeline: the article plus layers that are not part of the output
 * contract (tokens). Stages read earlier layers and write exactly one.
 */
export interface Doc extends Article {
  tokens: Token[];
}
