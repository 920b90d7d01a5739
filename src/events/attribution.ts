/**
 * Who reports an event: "according to the Syrian Observatory for Human Rights", ", an SDF source
 * said", "A senior SDF officer said ...", ", said a military statement". Reporting verbs and lead-ins
 * come from data/events/attribution.tsv; a pronoun source ("he said") points to the previous one.
 */
import type { Span } from '../model/types.js';
import type { EventLexicons } from './lexicons.js';
import { WordByteMemo } from './word-memo.js';
import type { Word } from './words.js';

export interface Attribution extends Span {
  text: string;
}

const MAX_SOURCE = 90;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Compiled {
  /** Words one of which the lead-in pattern needs: the leads' first words ("according", "citing"). */
  leadWords: Set<string>;
  /** Words one of which the other patterns need: the reporting verbs. */
  verbs: Set<string>;
  leads: RegExp;
  trailing: RegExp;
  leading: RegExp;
  inverted: RegExp;
  pronouns: Set<string>;
}

let compiled: Compiled | null = null;

function patterns(lex: EventLexicons): Compiled {
  if (compiled) return compiled;
  const verbs = [...lex.attribution.verbs].map(escape).join('|');
  const leads = lex.attribution.leads.map(escape).join('|');
  compiled = {
    leadWords: new Set(lex.attribution.leads.map((l) => l.split(/\s+/)[0].toLowerCase())),
    verbs: lex.attribution.verbs,
    leads: new RegExp(`\\b(?:${leads})\\s+([^,;.:"“”]{2,${MAX_SOURCE}}?)(?=\\s*(?:[,;.:"“”]|$| on | that | who ))`, 'i'),
    // ", an SDF source said." / ", police said on Sunday" (global: searched from the last comma, see below)
    trailing: new RegExp(`,\\s*([^,;"“”]{2,${MAX_SOURCE}}?)\\s+(?:${verbs})\\b(?:\\s+(?:on|late|early|in|this|last)\\b[^,;]{0,30})?\\s*[.!]?\\s*$`, 'gi'),
    // "A senior SDF officer said 400 militants ..."
    leading: new RegExp(`^([^,;"“”]{2,${MAX_SOURCE}}?)\\s+(?:${verbs})\\b(?:\\s+(?:on\\s+\\w+|\\w+day))?(?:\\s+that)?\\s+`, 'i'),
    // ", said a Turkish military statement."
    inverted: new RegExp(`,\\s*(?:${verbs})\\s+([^,;"“”]{2,${MAX_SOURCE}}?)\\s*[.!]?\\s*$`, 'gi'),
    pronouns: lex.attribution.pronouns,
  };
  return compiled;
}

const KNOWN = 1;
const LEAD = 2;
const VERB = 4;
/** By word id: 0 not worked out yet, else KNOWN plus LEAD and VERB (ids change with the vocabulary generation). */
const kinds = new WordByteMemo();

/** Whether a word opens a lead-in ("according") and whether it is a reporting verb, remembered by id. */
function wordKind(p: Compiled, w: Word): number {
  kinds.sync();
  const kind = kinds.get(w.id);
  if (kind !== 0) return kind;
  return kinds.set(w.id, KNOWN | (p.leadWords.has(w.lower) ? LEAD : 0) | (p.verbs.has(w.lower) ? VERB : 0));
}

/**
 * The source of one sentence (text from `offset`), or null. `previous` gives the source of the
 * sentence before, asked only when this one's source is a pronoun ("he said").
 */
export function findAttribution(
  lex: EventLexicons,
  sentence: string,
  offset: number,
  words: Word[],
  previous: () => Attribution | null,
): Attribution | null {
  const p = patterns(lex);
  // a pattern whose word the sentence lacks cannot match: skip it (most sentences have neither)
  let lead = false;
  let verb = false;
  for (let i = 0; i < words.length; i++) {
    const kind = wordKind(p, words[i]);
    if (kind & LEAD) lead = true;
    if (kind & VERB) verb = true;
  }
  if (!lead && !verb) return null;
  // The trailing and inverted patterns open with a comma and hold none after it up to the end of the
  // sentence: only the last comma can open a match, so they are searched from there.
  const lastComma = sentence.lastIndexOf(',');
  for (const re of [p.leads, p.trailing, p.inverted, p.leading]) {
    if (re === p.leads ? !lead : !verb) continue;
    if (re.global) {
      if (lastComma < 0) continue;
      re.lastIndex = lastComma;
    }
    const m = re.exec(sentence);
    if (!m) continue;
    const source = m[1].trim();
    // a leading "source" is only a subject when it is short and names someone (not a whole clause)
    if (re === p.leading && (source.split(/\s+/).length > 8 || !/^(?:[A-Z]|an?\s|the\s)/.test(source))) continue;
    // an inverted source is a short noun phrase ("said a military statement"), not a clause
    if (re === p.inverted && source.split(/\s+/).length > 6) continue;
    if (p.pronouns.has(source.toLowerCase())) return previous();
    const start = offset + m.index + m[0].indexOf(m[1]) + (m[1].length - m[1].trimStart().length);
    return { text: source, start, end: start + source.length };
  }
  return null;
}
