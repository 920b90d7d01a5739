/**
 * The entities stage: people, organisations (armed actors resolved to the actor dictionary), places,
 * nationalities, weapons, platforms and money, plus the dates and quantities of earlier stages
 * mirrored as TEMPORAL and QUANTITY. Flow: anchors (dictionary and lexicon matches) -> role
 * descriptions and place nouns -> proper-noun runs typed by cues (titles joined to names) -> places in
 * lists and nested in names -> actor phrases ("Syrian government forces") -> coreference (surnames,
 * "the group", roles, pronouns, "the city") -> one sorted layer.
 */
import type { Stage } from '../model/stage.js';
import type { Doc, EntitySpan } from '../model/types.js';
import { sortSpans } from '../model/doc.js';
import { mergeSortedSpans } from './merge-sorted.js';
import type { ActorRecord } from './actors.js';
import { findAnchors, type Anchor } from './anchors.js';
import { actorPhrases } from './actor-phrases.js';
import { classifyRun, type TypedRun } from './classify-run.js';
import { resolveDescriptions, surnameIndex } from './coreference.js';
import { entityLexicons, type EntityLexicons } from './lexicons.js';
import { findMoney } from './money.js';
import { nameKey } from './name-key.js';
import { FREE, HELD, SOFT, findRuns } from './runs.js';
import { buildTokenView, tokenEndingAt, tokenSpan, type TokenView } from './segments.js';
import { pronounMentions } from './pronouns.js';
import { findPlaceNouns, placeNounEntities } from './place-nouns.js';
import { nestedPlaces } from './nested-places.js';
import { actsAsAgent, afterPlacePreposition, modifiesNoun } from './country-use.js';
import { placesInLists } from './place-lists.js';
import { appositiveRole, linkRoles, roleDescriptions, titleStartBefore, withDeterminer } from './titles.js';

const span = tokenSpan;

function anchorEntity(view: TokenView, anchor: Anchor, lex: EntityLexicons): EntitySpan | null {
  switch (anchor.kind) {
    case 'actor': {
      // Filled in place rather than spread: this runs for every actor mention.
      const entity = span(view, anchor.first, anchor.last, 'ORGANISATION');
      entity.canonical = anchor.actor.canonical;
      entity.actorCategory = anchor.actor.category;
      return entity;
    }
    case 'person': {
      const entity = span(view, anchor.first, anchor.last, 'PERSON');
      entity.canonical = anchor.person.canonical;
      return entity;
    }
    case 'country':
      if (afterPlacePreposition(view, anchor.first, lex)) return span(view, anchor.first, anchor.last, 'LOCATION');
      return span(view, anchor.first, anchor.last, actsAsAgent(view, anchor.last) || modifiesNoun(view, anchor.last) ? 'ORGANISATION' : 'LOCATION');
    case 'capital':
    case 'region':
      return span(view, anchor.first, anchor.last, 'LOCATION');
    case 'nationality':
      // "the Gulf", "Arabian Gulf": a region named by the adjective is a place.
      if (lex.locationAfterFirst.has(view.keys[anchor.last]) && anchor.first > 0 && (view.lower[anchor.first - 1] === 'the' || view.cap[anchor.first - 1])) {
        return span(view, anchor.first, anchor.last, 'LOCATION');
      }
      // "Kurds", "Syrians": a people named as a group acts like an organisation in news.
      return span(view, anchor.first, anchor.last, anchor.nationality.plural ? 'ORGANISATION' : 'NATIONALITY');
    case 'weapon':
      return span(view, anchor.first, anchor.last, 'WEAPON');
    case 'platform':
      return span(view, anchor.first, anchor.last, 'MILITARY_PLATFORM');
    case 'group': {
      // "military operations": the group noun used as an adjective names no group.
      if (!anchor.role || view.tokens[anchor.last].pos === 'ADJ') return null;
      const entity = span(view, anchor.first, anchor.last, 'ORGANISATION');
      if (anchor.role !== 'armed') entity.actorCategory = anchor.role;
      return entity;
    }
  }
}

/** Tokens each date or money span covers are not names ("March", "Friday"). */
function claimSpans(view: TokenView, taken: Uint8Array, spans: { start: number; end: number }[]): void {
  if (!spans.length) return;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let s = 0;
  for (let i = 0; i < view.tokens.length; i++) {
    const t = view.tokens[i];
    while (s < sorted.length && sorted[s].end <= t.start) s++;
    if (s < sorted.length && sorted[s].start < t.end && t.start < sorted[s].end) taken[i] = HELD;
  }
}

/**
 * The `taken` marks of one article, a view on one buffer the stage keeps: a fresh typed array of
 * this size would take a buffer outside the heap for each article. Only `recognise` uses it, and
 * nothing keeps it past its return.
 */
let takenBuffer = new Uint8Array(1 << 12);

function freshTaken(n: number): Uint8Array {
  if (takenBuffer.length < n) takenBuffer = new Uint8Array(Math.max(n, takenBuffer.length * 2));
  const taken = takenBuffer.subarray(0, n);
  taken.fill(FREE);
  return taken;
}

/** Candidates of one article: matches of the dictionaries and lexicons, and proper-noun runs typed by cues. */
interface Candidates {
  money: { first: number; last: number }[];
  anchors: Anchor[];
  roles: { first: number; last: number }[];
  placeNouns: ReturnType<typeof findPlaceNouns>;
  typed: TypedRun[];
  untyped: { first: number; last: number }[];
}

/*
 * recognise() is written as a few phase functions, not one body: while the engine warms up, a
 * deoptimisation (entity spans come in several shapes) then recompiles the phase it happened in, not
 * the whole recogniser.
 */

function findCandidates(doc: Doc, view: TokenView, lex: EntityLexicons, ctx: Parameters<Stage['run']>[1]): Candidates {
  const n = view.tokens.length;
  const taken = freshTaken(n);
  claimSpans(view, taken, doc.dates);
  const money = findMoney(view, lex);
  for (const m of money) taken.fill(HELD, m.first, m.last + 1);

  const anchors = findAnchors(view, ctx.actors, lex).filter((a) => taken[a.first] === FREE);
  for (const a of anchors) {
    const soft = a.kind === 'country' || a.kind === 'capital' || a.kind === 'region' || a.kind === 'nationality';
    taken.fill(soft ? SOFT : HELD, a.first, a.last + 1);
  }
  // A known person keeps the title written before the name: "President Ahmed al-Sharaa".
  for (const a of anchors) {
    if (a.kind !== 'person') continue;
    const first = titleStartBefore(view, a.first, lex, taken);
    if (first < a.first) taken.fill(HELD, first, a.first);
    a.first = first;
  }
  const roles = roleDescriptions(view, taken, lex);
  for (const r of roles) taken.fill(HELD, r.first, r.last + 1);
  const placeNouns = findPlaceNouns(view, taken, lex);
  const typed: TypedRun[] = [];
  const untyped: { first: number; last: number }[] = [];
  for (const run of findRuns(view, taken, lex)) {
    const result = classifyRun(view, run, lex, ctx.gazetteer);
    if (result) typed.push(result);
    else untyped.push(run);
  }
  for (const run of typed) {
    if (run.type !== 'PERSON') continue;
    const first = titleStartBefore(view, run.first, lex, taken);
    if (first < run.first) {
      run.nameFirst ??= run.first;
      run.first = first;
    }
  }
  return { money, anchors, roles, placeNouns, typed, untyped };
}

/**
 * Organisation names that swallowed a place or nationality ("Government of Iraq", "Syria Recovery
 * Trust Fund") replace it; an organisation right after a nationality takes it in ("Syrian Arab Red
 * Crescent") but the nationality is kept as well, nested, as annotators of re3d do.
 */
function absorbAnchors(view: TokenView, anchors: Anchor[], typed: TypedRun[]): { absorbed: Set<Anchor>; nestedInOrganisation: Set<Anchor> } {
  const absorbed = new Set<Anchor>();
  const nestedInOrganisation = new Set<Anchor>();
  const anchorAt = new Map<number, Anchor>();
  const anchorEndingAt = new Map<number, Anchor>();
  for (const a of anchors) {
    anchorAt.set(a.first, a);
    anchorEndingAt.set(a.last, a);
  }
  for (const run of typed) {
    const near: Anchor[] = [];
    for (let k = run.first; k <= run.last; k++) {
      const a = anchorAt.get(k);
      if (a) near.push(a);
    }
    const before = anchorEndingAt.get(run.first - 1);
    if (before) near.push(before);
    for (const a of near) {
      if (a.first >= run.first && a.last <= run.last) {
        absorbed.add(a);
        if (run.type === 'ORGANISATION') nestedInOrganisation.add(a);
      } else if (
        (run.type === 'ORGANISATION' || (run.type === 'PERSON' && run.nameFirst !== undefined)) &&
        (a.kind === 'country' || a.kind === 'nationality') &&
        a.last + 1 === run.first &&
        view.segment[a.last] === view.segment[run.first]
      ) {
        absorbed.add(a);
        nestedInOrganisation.add(a);
        run.first = a.first;
      }
    }
  }
  return { absorbed, nestedInOrganisation };
}

/** The entities the candidates make, before people are linked to each other. */
interface NamedEntities {
  entities: EntitySpan[];
  countries: Set<EntitySpan>;
  actorMentions: Map<ActorRecord, number>;
  roleMentions: Set<EntitySpan>;
}

function namedEntities(view: TokenView, lex: EntityLexicons, ctx: Parameters<Stage['run']>[1], found: Candidates): NamedEntities {
  const { money, anchors, roles, typed, untyped } = found;
  const { absorbed, nestedInOrganisation } = absorbAnchors(view, anchors, typed);
  const entities: EntitySpan[] = [];
  const countries = new Set<EntitySpan>();
  const actorMentions = new Map<ActorRecord, number>();
  for (const a of anchors) {
    if (a.kind === 'actor') actorMentions.set(a.actor as ActorRecord, (actorMentions.get(a.actor as ActorRecord) ?? 0) + 1);
    if (absorbed.has(a) && !(a.kind === 'nationality' && nestedInOrganisation.has(a))) continue;
    const entity = anchorEntity(view, a, lex);
    if (entity) entities.push(entity);
    if (entity && a.kind === 'country') countries.add(entity);
    // A country acting is still the place: re3d annotators type it either way, analysts want both.
    if (entity?.type === 'ORGANISATION' && a.kind === 'country' && !modifiesNoun(view, a.last)) entities.push({ ...entity, type: 'LOCATION' });
  }
  const roleMentions = new Set<EntitySpan>();
  // Shape-only people listed with places ("in Palmyra, Sukhnah and Tallat Hamra") are left to the list rule.
  const weak = typed.filter((r) => r.weak);
  if (weak.length) {
    untyped.push(...weak);
    untyped.sort((a, b) => a.first - b.first);
    typed.splice(0, typed.length, ...typed.filter((r) => !r.weak));
  }
  for (const run of typed) {
    if (run.type === 'PERSON' && run.nameFirst !== undefined) {
      // Titled person: the span takes "the" too ("The Foreign Secretary"); canonical is the name alone.
      const entity = span(view, withDeterminer(view, run.first), run.last, 'PERSON');
      if (run.nameFirst >= 0) entity.canonical = view.text.slice(view.tokens[run.nameFirst].start, entity.end).replace(/[’']s$/u, '');
      else roleMentions.add(entity);
      entities.push(entity);
    } else {
      entities.push(span(view, run.first, run.last, run.type));
    }
  }
  for (const run of typed) {
    if (run.type === 'ORGANISATION' || (run.type === 'PERSON' && run.nameFirst !== undefined)) {
      const last = run.type === 'PERSON' && run.nameFirst !== undefined && run.nameFirst > run.first ? run.nameFirst - 1 : run.last;
      entities.push(...nestedPlaces(view, run.first, last, lex, ctx.gazetteer));
    }
  }
  // "Government of Iraq" (a dictionary actor): the country inside is annotated as a place as well.
  for (const a of anchors) {
    if (a.kind === 'actor' && lex.orgLeadCues.has(view.lower[a.first])) entities.push(...nestedPlaces(view, a.first, a.last, lex, ctx.gazetteer));
  }
  for (const r of roles) {
    const entity = span(view, r.first, r.last, 'PERSON');
    roleMentions.add(entity);
    entities.push(entity);
  }
  for (const m of money) entities.push(span(view, m.first, m.last, 'MONEY'));
  placesInLists(view, entities, untyped);
  for (const run of weak) {
    if (!untyped.includes(run)) continue;
    untyped.splice(untyped.indexOf(run), 1);
    entities.push(span(view, run.first, run.last, 'PERSON'));
    typed.push({ ...run, type: 'PERSON' });
  }
  return { entities, countries, actorMentions, roleMentions };
}

/**
 * "Gen. Joseph Votel, commander of U.S. Central Command, said": the role is the person again. Adds the
 * roles to `entities` and `roleMentions`; returns each with the person it describes.
 */
function appositivesOf(view: TokenView, lex: EntityLexicons, entities: EntitySpan[], roleMentions: Set<EntitySpan>): [EntitySpan, EntitySpan][] {
  const personEnds = new Map<number, EntitySpan>();
  const appositives: [EntitySpan, EntitySpan][] = [];
  for (const e of entities) if (e.type === 'PERSON' && !roleMentions.has(e)) personEnds.set(e.end, e);
  // Only tokens that end a person can start an apposition: those are found by binary search.
  const personLastTokens: number[] = [];
  for (const end of personEnds.keys()) {
    const k = tokenEndingAt(view, end);
    if (k >= 0 && k + 1 < view.tokens.length) personLastTokens.push(k);
  }
  personLastTokens.sort((a, b) => a - b);
  let skipThrough = -1;
  for (const k of personLastTokens) {
    if (k <= skipThrough) continue;
    const person = personEnds.get(view.tokens[k].end)!;
    if (view.tokens[k + 1].text !== ',') continue;
    const role = appositiveRole(view, k, lex);
    if (!role) continue;
    const fresh = span(view, role.first, role.last, 'PERSON');
    // "the task force spokesman" may already be a role description: link that one.
    const entity = entities.find((e) => e.type === 'PERSON' && e.start === fresh.start && e.end === fresh.end) ?? fresh;
    if (entity === fresh) entities.push(entity);
    appositives.push([entity, person]);
    roleMentions.add(entity);
    skipThrough = role.last;
  }
  return appositives;
}

/**
 * Surnames: "Sharaa" after "Ahmed al-Sharaa", linked by canonical, typed PERSON whatever the cues said.
 * Returns the entities kept and the linked surname mentions.
 */
function linkPeople(view: TokenView, lex: EntityLexicons, named: NamedEntities, found: Candidates): { kept: EntitySpan[]; linked: EntitySpan[] } {
  const { entities, roleMentions } = named;
  const appositives = appositivesOf(view, lex, entities, roleMentions);
  for (const role of roleMentions) role.mention = 'nominal';
  const people = entities.filter((e) => e.type === 'PERSON' && !roleMentions.has(e));
  for (const person of people) person.canonical ??= person.text.replace(/[’']s$/u, '');
  const surnames = surnameIndex(people);
  // "Prime Minister Abadi" after "Haider al-Abadi": the titled surname takes the full name.
  for (const person of people) {
    const canonical = person.canonical!;
    if (canonical.includes(' ')) continue;
    const full = surnames.get(nameKey(canonical));
    if (full && full !== person) person.canonical = full.canonical;
  }
  for (const [role, person] of appositives) role.canonical = person.canonical;
  const linked: EntitySpan[] = [];
  for (const run of [...found.untyped, ...found.typed.filter((r) => r.first === r.last)]) {
    const entity = span(view, run.first, run.last, 'PERSON');
    const full = surnames.get(nameKey(entity.text));
    if (!full || (full.start <= entity.start && entity.end <= full.end)) continue;
    linked.push({ ...entity, canonical: full.canonical });
  }
  const replaced = new Set(linked.map((e) => e.start));
  const kept = entities.filter((e) => !(replaced.has(e.start) && e.type !== 'PERSON'));
  return { kept, linked };
}

function recognise(doc: Doc, view: TokenView, lex: EntityLexicons, ctx: Parameters<Stage['run']>[1]): EntitySpan[] {
  const found = findCandidates(doc, view, lex, ctx);
  const named = namedEntities(view, lex, ctx, found);
  const { kept, linked } = linkPeople(view, lex, named, found);
  return resolveMentions(view, lex, found, named, kept, linked);
}

/** An unnamed organisation inside an actor phrase. */
function inPhrase(e: EntitySpan, phrases: EntitySpan[]): boolean {
  return e.type === 'ORGANISATION' && !e.canonical && phrases.some((p) => p.start < e.start && e.end <= p.end);
}

/** Actor phrases, descriptions ("the group"), roles, pronouns and place nouns, merged into one sorted layer. */
function resolveMentions(view: TokenView, lex: EntityLexicons, found: Candidates, named: NamedEntities, kept: EntitySpan[], linked: EntitySpan[]): EntitySpan[] {
  // A group noun inside an actor phrase ("troops" in "Syrian troops") is not a second organisation.
  const phrases = actorPhrases(view, found.anchors, named.actorMentions);
  const combined = sortSpans([...kept.filter((e) => !inPhrase(e, phrases)), ...linked, ...phrases]);
  const descriptions = resolveDescriptions(view, combined, lex);
  const merged = mergeDescriptions(combined, descriptions);
  const people = merged.filter((e) => e.type === 'PERSON');
  linkRoles(view, people, named.roleMentions, lex);
  const pronouns = pronounMentions(view, people);
  const countries = named.countries;
  const places = placeNounEntities(view, found.placeNouns, merged.filter((e) => e.type === 'LOCATION'), (e) => countries.has(e));
  return pronouns.length || places.length ? mergeSortedSpans([merged, pronouns, places]) : merged;
}

/** A resolved "the militants" replaces the bare group noun entity it contains. */
function mergeDescriptions(entities: EntitySpan[], descriptions: EntitySpan[]): EntitySpan[] {
  if (!descriptions.length) return entities;
  const out = entities.filter(
    (e) => !(e.type === 'ORGANISATION' && !e.canonical && descriptions.some((d) => d.start <= e.start && e.end <= d.end)),
  );
  return mergeSortedSpans([out, descriptions]);
}

/** The dates and the quantities (those no MONEY span overlaps), as two lists in layer order. */
function mirrored(doc: Doc, entities: EntitySpan[]): [EntitySpan[], EntitySpan[]] {
  const money = entities.filter((e) => e.type === 'MONEY');
  const dates: EntitySpan[] = [];
  const quantities: EntitySpan[] = [];
  for (const d of doc.dates) dates.push({ start: d.start, end: d.end, text: d.text, type: 'TEMPORAL' });
  for (const q of doc.quantities) {
    if (money.length && money.some((m) => m.start < q.end && q.start < m.end)) continue;
    quantities.push({ start: q.start, end: q.end, text: q.text, type: 'QUANTITY' });
  }
  return [dates, quantities];
}

export const entityStage: Stage = {
  name: 'entities',
  prepare() {
    entityLexicons();
  },
  run(doc, ctx) {
    if (!doc.tokens.length) return;
    const lex = entityLexicons();
    const view = buildTokenView(doc);
    const entities = recognise(doc, view, lex, ctx);
    doc.entities = mergeSortedSpans([entities, ...mirrored(doc, entities)]);
  },
};
