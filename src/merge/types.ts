/**
 * What cross-article merging reasons about. A `Mention` is one article's report of an event (an
 * EventSpan plus where it came from); an event in the store is a cluster of mentions and its
 * `EventSummary` is derived from them, never edited by hand, so it can always be recomputed.
 */
import type { EventCount, EventLocation, Span } from '../model/types.js';

/** The fields two reports are compared on. Both mentions and event summaries carry them. */
export interface EventFacts {
  type: string;
  subType: string;
  date: string | null;
  dateEnd: string | null;
  datePrecision: 1 | 2 | 3;
  actor1: string | null;
  actor2: string | null;
  location: EventLocation | null;
}

export interface Mention extends EventFacts {
  /** `<articleId>#<n>`: stable because the article id is a content hash. */
  id: string;
  articleId: string;
  /** Index of the event in the article's `events` layer. */
  index: number;
  fatalities: number | null;
  counts: EventCount[];
  attribution: string | null;
  evidence: Span & { text: string };
  /** Who reported it, for count claims when the text names no source: the article's site or title. */
  publisher: string | null;
  published: string | null;
  trace?: Record<string, unknown>;
}

/** One source's claim about a count, kept with its attribution so disagreements stay visible. */
export interface CountClaim {
  kind: EventCount['kind'];
  value: number | null;
  min: number | null;
  max: number | null;
  qualifier: string | null;
  text: string;
  /** "SOHR", "state media", or the publisher when the sentence names no source. */
  source: string;
  articleId: string;
  mentionId: string;
}

export interface EventSummary extends EventFacts {
  /** ACLED convention: the most conservative (lowest) reported fatality count. */
  fatalities: number | null;
  fatalitiesMin: number | null;
  fatalitiesMax: number | null;
  claims: CountClaim[];
  /** The earliest report's evidence sentence: the event in the words of its first source. */
  evidence: string;
  /** Who reported it: each report's attribution or publisher, once each. */
  sourceNames: string[];
  articleIds: string[];
  mentionIds: string[];
}

/** Outcome of one merge criterion: `unknown` when one side lacks the field (neither agrees nor conflicts). */
export type CheckOutcome = 'match' | 'unknown' | 'conflict';

export interface Check {
  criterion: 'type' | 'date' | 'location' | 'actors' | 'articles';
  outcome: CheckOutcome;
  /** Human-readable reason, printed by `sitrep explain`. */
  detail: string;
}

export interface Comparison {
  compatible: boolean;
  checks: Check[];
  /** Higher is closer; used only to pick among several compatible events (ties: the older event). */
  score: number;
}
