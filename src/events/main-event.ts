/**
 * The main event of a short text (a news snippet, a headline and lead): the coded sentence whose
 * trigger is strongest, earlier sentences preferred (news puts the event first), ties broken by
 * ACLED's tactic order. Used to classify a whole text, as the CASE 2021 task does.
 */
import type { CodedSentence, Decision } from './coder.js';
import type { EventLexicons } from './lexicons.js';

/** How much a later sentence must out-trigger an earlier one to be the main event. */
const POSITION_PENALTY = 0.6;

export function mainEvent(lex: EventLexicons, sentences: CodedSentence[]): Decision | null {
  let best: Decision | null = null;
  let bestScore = -Infinity;
  let bestRank = Infinity;
  sentences.forEach((s, i) => {
    const d = s.decision;
    if (!d) return;
    const score = d.hit.entry.strength - POSITION_PENALTY * i;
    const rank = lex.taxonomy.rank.get(d.label) ?? 999;
    if (score > bestScore || (score === bestScore && rank < bestRank)) {
      best = d;
      bestScore = score;
      bestRank = rank;
    }
  });
  return best;
}
