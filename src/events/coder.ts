/**
 * The event coder: for one sentence, which lexicon triggers fire, which of them negation, modality or
 * cumulative context cancels, how ACLED's definitions refine them (refinements.tsv), and which one the
 * sentence is coded as, in ACLED's tactic order (taxonomy.json precedence). The pipeline stage and the
 * CASE 2021 evaluation both call this, so every label either produces points at lexicon lines.
 */
import type { EntitySpan, Span } from '../model/types.js';
import type { EventLexicons, LexiconRef, Refinement, TriggerEntry } from './lexicons.js';
import type { NumberReadings, PatternMatch } from './patterns.js';
import { findActorMentions, rolesOf, type ActorMention, type Roles } from './roles.js';
import { clauseBreakBetween, tokenizeWordsIn, type Word } from './words.js';

export interface TriggerHit {
  entry: TriggerEntry;
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
  /** The negation/modality cue that cancels this trigger, if any. */
  cancelledBy: (LexiconRef & { kind: string; text: string }) | null;
  /** The cumulative-context cue near this trigger, if any. */
  contextCue: (LexiconRef & { text: string }) | null;
  /**
   * The movement trigger this one is the cause of ("fled after clashes"), or the protest whose topic
   * it is ("protest against the killing"): not the event itself.
   */
  causeOf: { text: string; cue: string; line: string } | null;
  /** For a movement or protest: the word where its cause or topic starts (counts from there are not its). */
  causeAt: number | null;
}

export interface CodedSentence {
  span: Span;
  text: string;
  words: Word[];
  /** Counts read at each word so far, shared by every lexicon matched over `words`. */
  readings: NumberReadings;
  hits: TriggerHit[];
  mentions: ActorMention[];
  /** The trigger the sentence is coded by, after refinement; null when nothing fires. */
  decision: Decision | null;
  /** Context cues found in the sentence (cumulative statistics). */
  contextCues: (LexiconRef & { from: number; to: number; text: string })[];
}

export interface Decision {
  label: string;
  hit: TriggerHit;
  refinement: Refinement | null;
  roles: Roles;
}

const CONTEXT_WINDOW = 8;
const CUE_REACH = 5;

function slice(words: Word[], from: number, to: number, text: string, offset: number): string {
  return text.slice(words[from].start - offset, words[to - 1].end - offset);
}

function cancellation(
  lex: EventLexicons,
  hit: PatternMatch<TriggerEntry>,
  cues: PatternMatch<{ kind: string } & LexiconRef>[],
  words: Word[],
  text: string,
  offset: number,
) {
  if (lex.taxonomy.subTypes[hit.pattern.payload.label]?.statement) return null;
  for (const cue of cues) {
    if (cue.to > hit.from || hit.from - cue.to > CUE_REACH) continue;
    if (cue.to < hit.from && clauseBreakBetween(text, offset, words[cue.to - 1].end, words[hit.from].start)) continue;
    return { ...cue.pattern.payload, text: slice(words, cue.from, cue.to, text, offset) };
  }
  return null;
}

function conditionHolds(condition: string, hits: TriggerHit[], roles: Roles, lex: EventLexicons, words: Word[], hit: TriggerHit): boolean {
  if (condition === '*') return true;
  const [kind, value] = [condition.slice(0, condition.indexOf(':')), condition.slice(condition.indexOf(':') + 1)];
  switch (kind) {
    case 'with':
      return hits.some((h) => h !== hit && !h.cancelledBy && !h.causeOf && h.entry.label === value);
    case 'agent':
      return roles.agent?.category === value;
    case 'target':
      return targetCategory(lex, words, hit, roles) === value;
    default:
      return false;
  }
}

/**
 * Whether the trigger acts on civilians or on armed actors: the role target when it has a category,
 * else the first civilian or armed noun after the trigger (before it in the passive).
 */
function targetCategory(lex: EventLexicons, words: Word[], hit: TriggerHit, roles: Roles): 'civilian' | 'armed' | null {
  const c = roles.target?.category;
  if (c === 'civilian' || c === 'protester') return 'civilian';
  if (c === 'state' || c === 'nonstate') return 'armed';
  const range = roles.passive ? words.slice(Math.max(0, hit.from - 8), hit.from).reverse() : words.slice(hit.to, hit.to + 8);
  for (const w of range) {
    if (lex.inClass('ARMED', w.lower)) return 'armed';
    if (lex.inClass('CIVILIAN', w.lower) || lex.inClass('CIVILIAN_SITE', w.lower)) return 'civilian';
  }
  return null;
}

function refine(lex: EventLexicons, hit: TriggerHit, hits: TriggerHit[], roles: Roles, words: Word[]) {
  for (const r of lex.refinements) {
    if (r.label !== hit.entry.label) continue;
    if (conditionHolds(r.condition, hits, roles, lex, words, hit)) return { label: r.becomes, refinement: r };
  }
  return { label: hit.entry.label, refinement: null };
}

/** Codes one sentence of `fullText` (span offsets are into the article). */
export function codeSentence(lex: EventLexicons, fullText: string, span: Span, entities: EntitySpan[] = []): CodedSentence {
  const text = fullText.slice(span.start, span.end);
  // read from the article's text, not the slice: the same words (tokenizeWordsIn)
  const words = tokenizeWordsIn(fullText, span.start, Math.min(span.end, fullText.length));
  const readings: NumberReadings = new Array(words.length);
  const triggerMatches = lex.triggers.matchAll(words, readings);
  const contextMatches = lex.context.matchAll(words, readings);
  const contextCues = contextMatches.length
    ? contextMatches.map((m) => ({ ...m.pattern.payload, from: m.from, to: m.to, text: slice(words, m.from, m.to, text, span.start) }))
    : [];
  // most sentences name no event: without a trigger there is nothing to cancel, no roles to read
  if (!triggerMatches.length) return { span, text, words, readings, hits: [], mentions: [], decision: null, contextCues };
  const cues = lex.modality.matchAll(words, readings);
  const hits: TriggerHit[] = [];
  for (const m of triggerMatches) {
    const near = contextCues.find((c) => m.from - c.to <= CONTEXT_WINDOW && c.from - m.to <= CONTEXT_WINDOW);
    hits.push({
      entry: m.pattern.payload,
      from: m.from,
      to: m.to,
      start: words[m.from].start,
      end: words[m.to - 1].end,
      text: slice(words, m.from, m.to, text, span.start),
      cancelledBy: cancellation(lex, m, cues, words, text, span.start),
      contextCue: near ? { id: near.id, file: near.file, line: near.line, text: near.text } : null,
      causeOf: null,
      causeAt: null,
    });
  }
  const sentenceEntities = entities.filter((e) => e.start >= span.start && e.end <= span.end);
  const mentions = findActorMentions(lex, words, sentenceEntities, text, span.start);
  markCauses(lex, hits, words, readings, text, span.start);
  return { span, text, words, readings, hits, mentions, decision: decide(lex, hits, words, mentions), contextCues };
}

const MOVEMENT = new Set(['Displacement', 'Arrival']);
/** Words between a cause connective and the trigger it introduces ("after heavy clashes"). */
const CAUSE_REACH = 3;
/** Words between a result verb and the movement it brought about ("sparked an exodus"). */
const RESULT_REACH = 6;
/** A trigger this close after a displacement trigger is its object ("fled the fighting"). */
const OBJECT_REACH = 2;

/**
 * In a sentence about people fleeing or arriving, the movement is the event and what drove it is
 * its cause (causes.tsv): "600 families fled after clashes" is a displacement, not a clash.
 */
function markCauses(lex: EventLexicons, hits: TriggerHit[], words: Word[], readings: NumberReadings, text: string, offset: number): void {
  if (hits.length < 2) return;
  const movers = hits.filter((h) => MOVEMENT.has(h.entry.label) && !h.cancelledBy);
  const protests = hits.filter((h) => h.entry.label === 'Peaceful protest' && !h.cancelledBy);
  if (!movers.length && !protests.length) return;
  const cues = lex.causes.matchAll(words, readings);
  if (protests.length) markTopics(protests, hits, cues, words, text, offset);
  if (!movers.length) return;
  for (const other of hits) {
    if (other.cancelledBy || other.entry.label.startsWith('cue:')) continue;
    for (const m of movers) {
      if (m === other) continue;
      let cue: PatternMatch<{ kind: string } & LexiconRef> | undefined;
      let objectOf = false;
      if (other.from >= m.to) {
        objectOf = m.entry.label === 'Displacement' && other.from - m.to <= OBJECT_REACH;
        cue = cues.find((c) => c.pattern.payload.kind === 'cause' && c.from >= m.to && c.to <= other.from && other.from - c.to <= CAUSE_REACH);
      } else if (other.to <= m.from) {
        cue = cues.find((c) => c.pattern.payload.kind === 'result' && c.from >= other.to && c.to <= m.from && m.from - c.to <= RESULT_REACH);
      }
      if (!cue && !objectOf) continue;
      if (other.from >= m.to) m.causeAt = Math.min(m.causeAt ?? Infinity, cue ? cue.from : other.from);
      other.causeOf = {
        text: m.text,
        cue: cue ? slice(words, cue.from, cue.to, text, offset) : 'object of the movement',
        line: cue ? `${cue.pattern.payload.file}:${cue.pattern.payload.line}` : '',
      };
      break;
    }
  }
}

/** Words between a protest's topic cue and a trigger it covers ("against the killing of"). */
const TOPIC_REACH = 6;

/** Triggers in what a protest is about ("protest against the killing of 9 farmers") are its topic. */
function markTopics(
  protests: TriggerHit[],
  hits: TriggerHit[],
  cues: PatternMatch<{ kind: string } & LexiconRef>[],
  words: Word[],
  text: string,
  offset: number,
): void {
  for (const p of protests) {
    const cue = cues.find((c) => c.pattern.payload.kind === 'topic' && c.from >= p.from && c.from <= p.to + 1);
    if (!cue) continue;
    // every protest trigger of the sentence up to the cue is the same protest ("marched ... to protest against")
    for (const q of protests) if (q.from <= cue.from) q.causeAt = Math.min(q.causeAt ?? Infinity, cue.to);
    for (const other of hits) {
      // a trigger in the topic, or one reaching into it from the protest word ("protest against the killing")
      if (other === p || other.from < p.from || other.to <= cue.to || other.from - cue.to > TOPIC_REACH) continue;
      if (other.from >= cue.to && clauseBreakBetween(text, offset, words[cue.to - 1].end, words[other.from].start)) continue;
      other.causeOf ??= { text: p.text, cue: slice(words, cue.from, cue.to, text, offset), line: `${cue.pattern.payload.file}:${cue.pattern.payload.line}` };
    }
  }
}

/** The sentence's event: the strongest live triggers, refined, ranked in ACLED's tactic order. */
function decide(lex: EventLexicons, hits: TriggerHit[], words: Word[], mentions: ActorMention[]): Decision | null {
  const live = hits.filter((h) => !h.cancelledBy && !h.contextCue && !h.causeOf && !h.entry.label.startsWith('cue:'));
  if (!live.length) return null;
  const strongest = Math.max(...live.map((h) => Math.min(h.entry.strength, 2)));
  let best: Decision | null = null;
  let bestKey: number[] = [];
  for (const hit of live) {
    if (Math.min(hit.entry.strength, 2) < strongest) continue;
    const roles = rolesOf(words, mentions, hit.from, hit.to);
    const { label, refinement } = refine(lex, hit, hits, roles, words);
    const key = [lex.taxonomy.rank.get(label) ?? 999, -hit.entry.strength, hit.from];
    if (!best || compareKeys(key, bestKey) < 0) {
      best = { label, hit, refinement, roles };
      bestKey = key;
    }
  }
  return best;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
