/**
 * Who acts and who is acted on, from syntax cues around a trigger: active voice puts the agent
 * before the verb and the target after it ("Taliban fighters attacked a checkpoint"); passive voice
 * ("were killed by", "was seized by") swaps them, the agent following "by". Actor mentions come from
 * the entity layer (canonical names and ACLED categories) and, where it has nothing, from the actor
 * nouns of data/events/word-classes.tsv ("government forces", "militants", "civilians").
 */
import type { EntitySpan } from '../model/types.js';
import type { EventLexicons } from './lexicons.js';
import { WordByteMemo } from './word-memo.js';
import type { Word } from './words.js';

export type RoleCategory = 'state' | 'nonstate' | 'civilian' | 'protester';

export interface ActorMention {
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
  /** Canonical name from the actor dictionary when the entity layer resolved one. */
  name: string;
  category: RoleCategory | null;
  /**
   * Built from lexicon nouns ("fighters", "Two people", "government forces"), not from a name the
   * entity layer found: it says what kind of actor, not which one.
   */
  generic: boolean;
  /** Followed by a reporting verb ("the officer said"): who tells of the event, not who takes part. */
  speaker: boolean;
}

/**
 * Every mention is built here, with all its fields in one order: mentions of one shape keep the
 * functions that read them (roles, assembly) optimised, where mentions built by different literals
 * and spreads, or given `speaker` later, deoptimised them again and again while they warmed up.
 */
function actorMention(
  from: number,
  to: number,
  start: number,
  end: number,
  text: string,
  name: string,
  category: RoleCategory | null,
  generic: boolean,
): ActorMention {
  return { from, to, start, end, text, name, category, generic, speaker: false };
}

export interface Roles {
  agent: ActorMention | null;
  target: ActorMention | null;
  passive: boolean;
}

const BE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got', 'get', 'gets']);
const REPORTED = new Set(['reported', 'said', 'believed', 'thought', 'expected', 'understood', 'alleged', 'accused', 'suspected', 'involved', 'engaged']);
const PRONOUNS = new Set(['they', 'it', 'he', 'she', 'we']);
// Unicode-property patterns are module constants: tsx (esbuild) rewrites such a literal as `new RegExp`,
// which written inside a function builds a regular expression object at every call.
const STARTS_CAPITAL = /^\p{Lu}/u;
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'some', 'many', 'at', 'in', 'on']);

function categoryOfEntity(e: EntitySpan): RoleCategory | null {
  switch (e.actorCategory) {
    case 'State forces':
      return 'state';
    case 'Rebel group':
    case 'Political militia':
    case 'Identity militia':
    case 'External/Other forces':
      return 'nonstate';
    case 'Civilians':
      return 'civilian';
    case 'Protesters':
    case 'Rioters':
      return 'protester';
    default:
      return null;
  }
}

/** The categories as memo codes: code k is CATEGORY_CODES[k - 1]; 0 is "not worked out yet". */
const CATEGORY_CODES: (RoleCategory | null)[] = [null, 'nonstate', 'state', 'protester', 'civilian'];

/** Category code by word id (word-memo.ts). */
const categoryMemo = new WordByteMemo();

function categoryOfWord(lex: EventLexicons, w: Word): RoleCategory | null {
  if (w.text === 'IS' || w.text === 'ISIS') return 'nonstate';
  categoryMemo.sync();
  const id = w.id;
  const code = categoryMemo.get(id);
  if (code !== 0) return CATEGORY_CODES[code - 1];
  const c = lex.inClass('NONSTATE', w.lower)
    ? 'nonstate'
    : lex.inClass('STATE', w.lower)
      ? 'state'
      : lex.inClass('PROTESTER', w.lower)
        ? 'protester'
        : lex.inClass('CIVILIAN', w.lower)
          ? 'civilian'
          : null;
  categoryMemo.set(id, CATEGORY_CODES.indexOf(c) + 1);
  return c;
}

/** An armed word anywhere makes a phrase armed ("security force members", "opposition fighters"). */
function phraseCategory(lex: EventLexicons, words: Word[], from: number, to: number): RoleCategory | null {
  let cat: RoleCategory | null = null;
  for (let k = from; k < to; k++) {
    const c = categoryOfWord(lex, words[k]);
    if (c === 'nonstate') cat = 'nonstate';
    else if (c === 'state' && cat !== 'nonstate') cat = 'state';
    else if (!cat) cat = c;
  }
  return cat;
}

/** Index of the first word starting at or after `offset`, or -1 (words are in order). */
function firstWordFrom(words: Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < words.length ? lo : -1;
}

/** Whether every word of [from, to) is a class noun (has a category). */
function everyClassWord(lex: EventLexicons, words: Word[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!categoryOfWord(lex, words[k])) return false;
  return true;
}

/**
 * Marks of the words an entity mention covers, for one sentence at a time: a view on one buffer,
 * cleared for each sentence (a set or a fresh typed array per sentence cost more than the marking).
 */
let coveredBuffer = new Uint8Array(256);

function coveredMarks(n: number): Uint8Array {
  if (coveredBuffer.length < n) coveredBuffer = new Uint8Array(Math.max(n, coveredBuffer.length * 2));
  const marks = coveredBuffer.subarray(0, n);
  marks.fill(0);
  return marks;
}

/** Actor mentions of one sentence: entity spans first, then lexicon noun phrases they do not cover. */
export function findActorMentions(
  lex: EventLexicons,
  words: Word[],
  entities: EntitySpan[],
  text: string,
  offset: number,
): ActorMention[] {
  const mentions: ActorMention[] = [];
  const covered = coveredMarks(words.length);
  for (const e of entities) {
    if (!(e.actorCategory || e.type === 'ORGANISATION')) continue;
    // A pronoun or nominal mention ("we", "the group") names an actor only through the name it links to.
    if (e.mention && !e.canonical) continue;
    const from = firstWordFrom(words, e.start);
    if (from < 0 || words[from].start >= e.end) continue;
    let to = from;
    while (to < words.length && words[to].end <= e.end) to++;
    covered.fill(1, from, to);
    const category = categoryOfEntity(e) ?? phraseCategory(lex, words, from, to);
    // an organisation the entity layer found but could not name ("militants") is a class noun too
    const generic = !e.canonical && (category === 'civilian' || category === 'protester' || everyClassWord(lex, words, from, to));
    mentions.push(actorMention(from, to, e.start, e.end, e.text, e.canonical ?? e.text, category, generic));
  }
  for (let i = 0; i < words.length; i++) {
    if (covered[i]) continue;
    const category = categoryOfWord(lex, words[i]);
    if (!category) continue;
    // Extend over the noun phrase: class words and capitalised modifiers ("Syrian government forces").
    let from = i;
    while (
      from > 0 &&
      !covered[from - 1] &&
      (categoryOfWord(lex, words[from - 1]) || (STARTS_CAPITAL.test(words[from - 1].text) && !DETERMINERS.has(words[from - 1].lower))) &&
      adjacent(text, offset, words[from - 1], words[from])
    )
      from--;
    let to = i + 1;
    while (to < words.length && !covered[to] && categoryOfWord(lex, words[to]) && words[to - 1].end + 1 >= words[to].start) to++;
    const cat = phraseCategory(lex, words, from, to);
    const start = words[from].start;
    const end = words[to - 1].end;
    const phrase = text.slice(start - offset, end - offset);
    mentions.push(actorMention(from, to, start, end, phrase, phrase, cat, true));
    i = to - 1;
  }
  mentions.sort((a, b) => a.from - b.from);
  const merged = mergeNamedHeads(mentions, words, text, offset);
  for (const m of merged) if (m.to < words.length && lex.attribution.verbs.has(words[m.to].lower)) m.speaker = true;
  return merged;
}

/**
 * "Hayat Tahrir al-Sham fighters", "Daesh militants": a class noun right after a named actor is that
 * actor, so the two mentions become one with the name. Two class-noun phrases side by side
 * ("Pro-government" + "forces", split where the entity layer found only "forces") are one phrase.
 */
function mergeNamedHeads(mentions: ActorMention[], words: Word[], text: string, offset: number): ActorMention[] {
  const out: ActorMention[] = [];
  for (const m of mentions) {
    const prev = out.at(-1);
    if (
      prev &&
      !prev.generic &&
      prev.category &&
      m.generic &&
      (m.category === 'state' || m.category === 'nonstate') &&
      prev.to === m.from &&
      words[m.from - 1].end + 1 >= words[m.from].start
    ) {
      const joined = text.slice(prev.start - offset, m.end - offset);
      out[out.length - 1] = actorMention(prev.from, m.to, prev.start, m.end, joined, prev.name, prev.category, prev.generic);
      continue;
    }
    if (prev && prev.generic && m.generic && prev.to === m.from && words[m.from - 1].end + 1 >= words[m.from].start) {
      const joined = text.slice(prev.start - offset, m.end - offset);
      // the head noun, last, says what the phrase is ("Ukraine's armed forces" are state forces)
      const category = m.category ?? prev.category;
      out[out.length - 1] = actorMention(prev.from, m.to, prev.start, m.end, joined, joined, category, prev.generic);
      continue;
    }
    out.push(m);
  }
  return out;
}

/** Next to each other in the text: one space, or a possessive ("Burkina Faso's army"). */
function adjacent(text: string, offset: number, a: Word, b: Word): boolean {
  const between = text.slice(a.end - offset, b.start - offset);
  return between.length <= 1 || /^['’]s\s$/.test(between);
}

const PARTICIPLE =
  /ed$|^(?:shot|hit|held|caught|struck|taken|driven|beaten|thrown|blown|broken|stolen|withdrawn|overrun|retaken|led|set|cut|hurt|burnt|slain|seen|found|left|sent|built|fallen|torn|given)$/;

/** "were killed", "was reportedly seized", "have been captured": a be-form shortly before a participle. */
function isPassive(words: Word[], from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    if (!PARTICIPLE.test(words[p].lower)) continue;
    for (let k = p - 1; k >= Math.max(0, p - 3); k--) if (BE.has(words[k].lower)) return true;
  }
  return false;
}

/**
 * Whether a mention before the trigger is the subject of a passive verb of its own ("two people were
 * killed by shelling", "12 militants were killed when a drone struck"): it suffered the event, so it
 * is the target, never the agent.
 */
function passiveSubject(words: Word[], m: ActorMention, trigger: number): boolean {
  const end = Math.min(trigger + 1, m.to + 5);
  for (let p = m.to; p < end; p++) {
    // "forces were reported to have shelled": a verb of saying is not something done to them
    if (!PARTICIPLE.test(words[p].lower) || REPORTED.has(words[p].lower)) continue;
    for (let k = p - 1; k >= Math.max(m.to, p - 3); k--) if (BE.has(words[k].lower)) return true;
  }
  return false;
}

/** Agent and target of the trigger spanning words [from, to). */
export function rolesOf(words: Word[], allMentions: ActorMention[], from: number, to: number): Roles {
  const passive = isPassive(words, from, to);
  // a speaker takes part only through a pronoun ("the army said it had retaken the town")
  const mentions = allMentions.filter((m) => !m.speaker || (m.to <= from && words.slice(m.to, from).some((w) => PRONOUNS.has(w.lower))));
  // a trigger pattern may include an actor ("warplanes bombed", "400 militants were captured")
  const inside = mentions.filter((m) => m.from >= from && m.to <= to);
  const before = mentions.filter((m) => m.to <= from).reverse();
  const after = mentions.filter((m) => m.from >= to && m.from - to <= 8);
  if (passive) {
    const byIndex = words.findIndex((w, k) => k >= to && k - to <= 6 && w.lower === 'by');
    const agent = byIndex >= 0 ? (mentions.find((m) => m.from > byIndex && m.from - byIndex <= 3) ?? null) : null;
    return { agent, target: inside[0] ?? before[0] ?? null, passive };
  }
  const named = before.find((m) => !PRONOUNS.has(m.text.toLowerCase()));
  const victim = named && from - named.to <= 12 && passiveSubject(words, named, from) ? named : null;
  // an actor the pattern opens with is the agent ("warplanes bombed"); one after the verb is its object
  const opening = inside.find((m) => m.from === from) ?? null;
  const agent = opening ?? (named && !victim && from - named.to <= 12 ? named : null);
  const object = inside.find((m) => m !== opening) ?? null;
  const target = object ?? victim ?? after.find((m) => m !== agent) ?? null;
  return { agent, target, passive };
}
