/**
 * Which existing event a new report joins. Every compatible candidate is kept in the result so the
 * decision can be explained; the closest wins, and ties go to the older event so ids stay stable.
 */
import { compareFacts } from './criteria.js';
import type { Comparison, EventFacts } from './types.js';

export interface Candidate {
  id: string;
  /**
   * Order the event was stored in (the store's row number): older events win ties. Not the creation
   * time: events stored in one call share a timestamp, so a tie decided by time (then by id) came out
   * differently when the same articles were stored in other groups (serial ingest against workers).
   */
  seq: number;
  facts: EventFacts;
  articleIds: string[];
}

export interface MergeChoice {
  chosen: { candidate: Candidate; comparison: Comparison } | null;
  compared: { candidate: Candidate; comparison: Comparison }[];
}

export function chooseEvent(facts: EventFacts, articleIds: string[], candidates: Candidate[]): MergeChoice {
  const compared = candidates.map((candidate) => ({
    candidate,
    comparison: compareFacts(facts, candidate.facts, articleIds, candidate.articleIds),
  }));
  const compatible = compared
    .filter((c) => c.comparison.compatible)
    .sort(
      (a, b) =>
        b.comparison.score - a.comparison.score ||
        a.candidate.seq - b.candidate.seq ||
        a.candidate.id.localeCompare(b.candidate.id),
    );
  return { chosen: compatible[0] ?? null, compared };
}
