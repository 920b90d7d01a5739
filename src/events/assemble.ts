/**
 * From coded sentences to events: one ACLED-style event per sentence the coder decided, with its
 * actors, location, date, counts, fatalities, attribution and evidence, and a trace naming the lexicon
 * lines behind every choice. Sentences whose counts are cumulative ("since 2011") become context
 * records instead.
 */
import { hash } from 'node:crypto';
import type { DateSpan, Doc, EventSpan, Span } from '../model/types.js';
import type { CodedSentence, Decision } from './coder.js';
import type { EventLexicons } from './lexicons.js';
import { findCounts, fatalitiesOf, type FoundCount } from './counts.js';
import { findAttribution, type Attribution } from './attribution.js';
import { mainPlaceOnce, pickLocation } from './location.js';
import type { ActorMention } from './roles.js';

const CONTEXT_WINDOW = 10;
// Unicode-property patterns are module constants: tsx (esbuild) rewrites such a literal as `new RegExp`,
// which written inside a function builds a regular expression object at every call.
const HAS_CAPITAL = /\p{Lu}/u;
const SINCE = /\bsince\s+$/i;
const PRONOUN_SUBJECT = new Set(['they', 'it', 'he', 'she', 'we', 'its', 'their']);
/** Words naming a person within an organisation ("an SDF officer"): not part of the actor's name. */
const ROLE_NOUNS = /\b(?:senior|top|local|military|security|official|officials|officer|officers|source|sources|spokesman|spokeswoman|spokesperson|commander|commanders|member|members|leader|leaders)\b/gi;

export function eventId(articleId: string, start: number, end: number, subType: string): string {
  return hash('sha256', `${articleId}\u0000${start}\u0000${end}\u0000${subType}`, 'hex').slice(0, 16);
}

/** ACLED time precision from the dates layer: 1 a day, 2 a week or range, 3 a month or coarser. */
function timePrecision(d: DateSpan): 1 | 2 | 3 {
  if (d.precision === 'day') return d.valueEnd && d.valueEnd !== d.value ? 2 : 1;
  if (d.precision === 'week' || d.precision === 'range') return 2;
  return 3;
}

function pickDate(doc: Doc, s: CodedSentence, trigger: { start: number; end: number }) {
  // "since 2020" starts a background span: it dates what led up to the event, not the event
  const inSentence = doc.dates.filter(
    (d) => d.start >= s.span.start && d.end <= s.span.end && d.value && !SINCE.test(doc.text.slice(Math.max(s.span.start, d.start - 8), d.start)),
  );
  if (inSentence.length) {
    const nearest = inSentence.reduce((a, b) => (Math.abs(a.start - trigger.start) <= Math.abs(b.start - trigger.start) ? a : b));
    return { date: nearest.value, dateEnd: nearest.valueEnd ?? null, datePrecision: timePrecision(nearest), span: nearest };
  }
  // news reports what happened up to its publication: the week before it, at ACLED precision 2
  return { date: doc.published, dateEnd: null, datePrecision: (doc.published ? 2 : 3) as 1 | 2 | 3, span: null };
}

/**
 * The actor's name as ACLED writes it: the canonical name when the actor dictionary knows it;
 * unnamed civilians ("two people", "families", "residents") and demonstrators as their category.
 */
function actorName(m: ActorMention | null): string | null {
  if (!m) return null;
  if (m.generic && m.category === 'civilian') return 'Civilians';
  if (m.generic && m.category === 'protester') return 'Protesters';
  return m.name;
}

const POSSESSIVE = new Set(['its', 'their']);
const CROWDS = new Set(['Civilians', 'Protesters', 'Rioters']);
const HARM_KINDS = new Set(['fatalities', 'injured', 'arrested', 'captured']);

/** Whether a class-noun actor is owned by someone named elsewhere ("its fighters", "their troops"). */
function possessed(s: CodedSentence, m: ActorMention): boolean {
  return m.generic && m.from > 0 && POSSESSIVE.has(s.words[m.from - 1].lower);
}

/** The nearest armed actor named earlier in the sentence than `m` ("The SDF ... but its fighters"). */
function namedOwnerBefore(s: CodedSentence, m: ActorMention): string | null {
  for (let k = s.mentions.length - 1; k >= 0; k--) {
    const x = s.mentions[k];
    if (x.to <= m.from && !x.generic && (x.category === 'state' || x.category === 'nonstate')) return x.name;
  }
  return null;
}

/** The organisation a source belongs to ("a senior SDF officer" -> "SDF"), when it is an armed actor. */
function actorOfSource(lex: EventLexicons, s: CodedSentence, source: Attribution | null): string | null {
  if (!source) return null;
  const m = s.mentions.find((x) => x.start >= source.start && x.end <= source.end && (x.category === 'state' || x.category === 'nonstate'));
  if (!m) return null;
  if (m.name !== m.text) return m.name;
  const name = m.text.replace(ROLE_NOUNS, ' ').replace(/^\s*(?:an?|the)\s+/i, '').replace(/\s+/g, ' ').trim();
  // "The Syrian official" leaves "Syrian": a nationality, not a force; "The army", "Russia's defence
  // ministry" leave a force
  if (m.generic && !name.split(' ').some((w) => lex.inClass('STATE', w.toLowerCase()) || lex.inClass('NONSTATE', w.toLowerCase()))) return null;
  return name || null;
}

const MOVEMENT = new Set(['Displacement', 'Arrival']);

/**
 * Roles as events report them: the speaker of "X said" is a source, not an actor, and the civilians
 * who flee or arrive are what a displacement counts, not its actors.
 */
function actorRoles(d: Decision, source: Attribution | null, label: string) {
  return { agent: keptActor(d.roles.agent, source, label), target: keptActor(d.roles.target, source, label) };
}

/** The mention as an actor of the event, or null (see actorRoles). A function, not a closure per call. */
function keptActor(m: ActorMention | null, source: Attribution | null, label: string): ActorMention | null {
  if (!m) return null;
  if (source && m.start >= source.start && m.end <= source.end) return null;
  if (MOVEMENT.has(label) && (m.category === 'civilian' || m.category === null)) return null;
  return m;
}

function crowdActors(s: CodedSentence, type: string, label: string, agent: ActorMention | null) {
  const named = agent && !agent.generic && (agent.category === 'protester' || agent.category === 'civilian') ? agent.name : null;
  const force = label === 'Peaceful protest' ? undefined : s.mentions.find((m) => m.category === 'state' && !m.speaker);
  return {
    actor1: named ?? (type === 'Riots' ? 'Rioters' : 'Protesters'),
    from: named ? 'syntax' : 'ACLED crowd convention',
    actor2: force ? actorName(force) : null,
  };
}

function pronounSubject(s: CodedSentence, d: Decision): boolean {
  return s.words.slice(Math.max(0, d.hit.from - 3), d.hit.from).some((w) => PRONOUN_SUBJECT.has(w.lower));
}

function nearContext(s: CodedSentence, c: FoundCount): boolean {
  return s.contextCues.some((cue) => c.from - cue.to <= CONTEXT_WINDOW && cue.from - c.to <= CONTEXT_WINDOW);
}

function publicCounts(counts: FoundCount[]) {
  return counts.map(({ kind, value, min, max, qualifier, text, start, end }) => ({ kind, value, min, max, qualifier, text, start, end }));
}

/** A context record: the cumulative statistics of a sentence. */
function contextRecord(
  doc: Doc,
  s: CodedSentence,
  source: Attribution | null,
  background: FoundCount[],
  evidence: Span & { text: string },
  storyMain: ReturnType<typeof mainPlaceOnce>,
): EventSpan {
  const cue = s.contextCues[0];
  const { date, dateEnd, datePrecision } = pickDate(doc, s, background[0]);
  return {
    id: eventId(doc.id, evidence.start, evidence.end, 'Context'),
    type: 'Context',
    subType: 'Cumulative statistics',
    date,
    dateEnd,
    datePrecision,
    actor1: null,
    actor2: null,
    location: pickLocation(doc, s.span, background[0], 'Context', storyMain).location,
    fatalities: fatalitiesOf(background),
    counts: publicCounts(background),
    attribution: source?.text ?? null,
    evidence,
    trace: { contextCue: { text: cue.text, lexicon: `${cue.file}:${cue.line}`, id: cue.id } },
  };
}

/** The two actors of an event as ACLED names them, and where actor 1 was read from. */
interface EventActors {
  agent: ActorMention | null;
  target: ActorMention | null;
  actor1: string | null;
  actor1From: string | null;
  actor2: string | null;
}

function eventActors(lex: EventLexicons, s: CodedSentence, d: Decision, source: Attribution | null, type: string, previousActor: string | null): EventActors {
  const roles = actorRoles(d, source, d.label);
  let actor1 = actorName(roles.agent);
  let actor1From = roles.agent ? 'syntax' : null;
  if (roles.agent && possessed(s, roles.agent)) {
    // "its fighters entered": the owner named earlier in the sentence, else the speaker
    // a speaker owns them only when it names someone ("Burkina Faso's army"), not a bare "ministry"
    const speaker = actorOfSource(lex, s, source);
    const owner: string | null = namedOwnerBefore(s, roles.agent) ?? (speaker && HAS_CAPITAL.test(speaker) ? speaker : null);
    if (owner) [actor1, actor1From] = [owner, 'owner of a possessive (its/their)'];
  }
  if (!actor1 && pronounSubject(s, d)) {
    // "The army said it had sent reinforcements": the pronoun is the speaker when one is named
    const speaker = actorOfSource(lex, s, source);
    if (speaker) [actor1, actor1From] = [speaker, 'the reporting source (pronoun)'];
    else if (previousActor) [actor1, actor1From] = [previousActor, 'previous sentence (pronoun)'];
  }
  if (!actor1 && d.roles.passive && !MOVEMENT.has(d.label)) {
    // "400 militants were captured", said an SDF officer: the reporting side is the actor
    const fromSource = actorOfSource(lex, s, source);
    if (fromSource) [actor1, actor1From] = [fromSource, 'the reporting source'];
  }
  let actor2 = roles.target && roles.target !== roles.agent ? actorName(roles.target) : null;
  if (type === 'Protests' || type === 'Riots') {
    // ACLED names a crowd by what it is (Protesters, Rioters) unless a named group leads it, and
    // codes the force that intervenes against it as the second actor
    const crowd = crowdActors(s, type, d.label, roles.agent);
    [actor1, actor1From, actor2] = [crowd.actor1, crowd.from, crowd.actor2];
  }
  return { agent: roles.agent, target: roles.target, actor1, actor1From, actor2 };
}

/** The event record of a decided sentence, with the trace `explain` shows. */
function eventRecord(
  doc: Doc,
  s: CodedSentence,
  d: Decision,
  type: string,
  actors: EventActors,
  source: Attribution | null,
  eventCounts: FoundCount[],
  evidence: Span & { text: string },
  storyMain: ReturnType<typeof mainPlaceOnce>,
): EventSpan {
  const { actor1, actor1From, actor2 } = actors;
  const { date, dateEnd, datePrecision, span: dateSpan } = pickDate(doc, s, d.hit);
  const { location, how } = pickLocation(doc, s.span, d.hit, d.label, storyMain);
  return {
    id: eventId(doc.id, evidence.start, evidence.end, d.label),
    type,
    subType: d.label,
    date,
    dateEnd,
    datePrecision,
    actor1,
    actor2,
    location,
    fatalities: fatalitiesOf(eventCounts),
    counts: publicCounts(eventCounts),
    attribution: source?.text ?? null,
    evidence,
    trace: {
      trigger: { text: d.hit.text, start: d.hit.start, end: d.hit.end },
      lexicon: { id: d.hit.entry.id, line: `${d.hit.entry.file}:${d.hit.entry.line}`, label: d.hit.entry.label },
      refinement: d.refinement ? { id: d.refinement.id, line: `${d.refinement.file}:${d.refinement.line}`, condition: d.refinement.condition } : null,
      voice: d.roles.passive ? 'passive' : 'active',
      actor1: actors.agent && actor1From === 'syntax' ? { text: actors.agent.text, start: actors.agent.start, end: actors.agent.end, from: actor1From } : actor1 ? { from: actor1From } : null,
      actor2: actors.target && actor2 ? { text: actors.target.text, start: actors.target.start, end: actors.target.end } : null,
      date: dateSpan ? { text: dateSpan.text, start: dateSpan.start, end: dateSpan.end } : { from: 'publication date' },
      location: how,
      attribution: source ? { start: source.start, end: source.end } : null,
      counts: eventCounts.map((c) => ({ text: c.text, kind: c.kind, rule: `${c.rule.file}:${c.rule.line}`, subset: c.subset })),
      cause: s.hits
        .filter((h) => h.causeOf)
        .map((h) => ({ trigger: h.text, of: h.causeOf!.text, by: h.causeOf!.cue, line: h.causeOf!.line })),
      cancelled: s.hits
        .filter((h) => h.cancelledBy)
        .map((h) => ({ trigger: h.text, by: h.cancelledBy!.text, kind: h.cancelledBy!.kind, line: `${h.cancelledBy!.file}:${h.cancelledBy!.line}` })),
    },
  };
}

/**
 * The source of sentence i, read once (`sources` remembers: undefined = not read yet); a pronoun
 * source ("he said") asks the sentence before, and so on back.
 */
function sourceOf(lex: EventLexicons, coded: CodedSentence[], sources: (Attribution | null | undefined)[], i: number): Attribution | null {
  let found = sources[i];
  if (found === undefined) {
    const s = coded[i];
    found = sources[i] = findAttribution(lex, s.text, s.span.start, s.words, () => (i > 0 ? sourceOf(lex, coded, sources, i - 1) : null));
  }
  return found;
}

/*
 * assembleEvents() hands the records and the actor reading to the functions above: while the engine
 * warms up, a deoptimisation in one of them recompiles that part, not the whole assembly (which was
 * compiled six times over the first 2,000 articles).
 */
export function assembleEvents(lex: EventLexicons, doc: Doc, coded: CodedSentence[]): { events: EventSpan[]; context: EventSpan[] } {
  const events: EventSpan[] = [];
  const context: EventSpan[] = [];
  let previousActor: string | null = null;
  const storyMain = mainPlaceOnce(doc);
  // sources are read only for sentences that yield a record; a pronoun source ("he said") asks the
  // sentence before, and so on back (memoised: undefined = not read yet)
  const sources: (Attribution | null | undefined)[] = new Array(coded.length);
  for (let i = 0; i < coded.length; i++) {
    const s = coded[i];
    if (!s.decision && !s.contextCues.length) continue;
    const source = sourceOf(lex, coded, sources, i);
    const counts = findCounts(lex, s.words, s.text, s.span.start, doc.quantities, s.readings);
    const evidence = { start: s.span.start, end: s.span.end, text: s.text };

    const background = counts.filter((c) => nearContext(s, c));
    if (background.length) context.push(contextRecord(doc, s, source, background, evidence, storyMain));

    const d = s.decision;
    if (!d) continue;
    const info = lex.taxonomy.subTypes[d.label];
    if (!info?.type || info.unresolved) continue;
    // the dead of the clashes people fled, or of the killing a protest denounces, are not this event's
    const causeAt = d.hit.causeAt;
    const eventCounts = counts.filter((c) => !background.includes(c) && !(causeAt !== null && c.from >= causeAt && HARM_KINDS.has(c.kind)));
    const harm = eventCounts.some((c) => (c.kind === 'fatalities' || c.kind === 'injured') && (c.value ?? 0) > 0 && !c.vague);
    // a weak trigger ("killed", "wounded") is an event only when the sentence gives a figure for its
    // victims; a sentence of cumulative statistics is background unless it also counts new victims
    if ((d.hit.entry.strength < 2 || background.length) && !harm) continue;

    const actors = eventActors(lex, s, d, source, info.type, previousActor);
    // a later "they" or "its" points back to an armed actor, not to civilians or a crowd
    if (actors.actor1 && !CROWDS.has(actors.actor1)) previousActor = actors.actor1;
    events.push(eventRecord(doc, s, d, info.type, actors, source, eventCounts, evidence, storyMain));
  }
  return { events, context };
}
