/**
 * What cross-article merging reasons about. A `Mention` is one article's report of an event (an
 * EventSpan plus where it came from); an event in the store is a cluster of mentions and its
 * `EventSummary` is derived from them, never edited by hand, so it can always be recomputed.
 */
import type { EventCount, EventSpan } from '../model/types.js';

/** The fields two reports are compared on (those of an EventSpan). Both mentions and event summaries carry them. */
export type EventFacts = Pick<EventSpan, 'type' | 'subType' | 'date' | 'dateEnd' | 'datePrecision' | 'actor1' | 'actor2' | 'location'>;

/** One article's EventSpan, with where it came from; its `id` is the mention's, not the span's. */
export interface Mention extends Omit<EventSpan, 'id'> {
  /** `<articleId>#<n>`: stable because the article id is a content hash. */
  id: string;
  articleId: string;
  /** Index of the event in the article's `events` layer. */
  index: number;
  /** Who reported it, for count claims when the text names no source: the article's site or title. */
  publisher: string | null;
  published: string | null;
}

/** One source's claim about a count (an EventCount without its offsets), kept with its attribution so disagreements stay visible. */
export interface CountClaim extends Omit<EventCount, 'start' | 'end'> {
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
