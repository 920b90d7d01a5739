/**
 * The geoparser: recognition then resolution, for the places stage and for evaluation. Names from the
 * dateline and title (metadata, not part of the text), demonyms and names inside organisation names
 * all steer resolution; which of them become output places is a convention (`GeoparseOptions`):
 * the pipeline keeps neither demonyms nor embedded names, while LGL annotates adjectives as toponyms.
 */
import type { PlaceSpan, Span } from '../model/types.js';
import type { PlaceMatcher } from './gazetteer-index.js';
import { geoPrecision } from './precision.js';
import { HYPHEN_MODIFIER_RE, recogniseToponyms, type ToponymCandidate } from './recognise.js';
import { resolveToponyms, type ResolvedToponym } from './resolve.js';

export interface GeoparseOptions {
  /** Output country adjectives and plurals as places ("American", "Russians"). */
  demonyms: boolean;
  /** Output names inside organisation names and hyphenated modifiers ("Britain-based"). */
  embedded: boolean;
  /** Minimum resolution score (see resolve.ts) for a name to count as a place. */
  threshold: number;
}

export const PIPELINE_GEOPARSE: GeoparseOptions = { demonyms: false, embedded: false, threshold: 3 };

export interface GeoparseInput {
  text: string;
  title?: string | null;
  dateline?: string | null;
  /** Spans that are other kinds of names (people, organisations): no place inside them. */
  excluded?: Span[];
  /** Spans another stage typed as locations: looked up even when the recogniser skipped them. */
  locations?: Span[];
}

function locationCandidates(text: string, spans: Span[], found: ToponymCandidate[], gazetteer: PlaceMatcher): ToponymCandidate[] {
  const out: ToponymCandidate[] = [];
  for (const s of spans) {
    if (found.some((c) => c.start < s.end && c.end > s.start)) continue;
    let start = s.start;
    const lead = /^the\s+/i.exec(text.slice(s.start, s.end));
    if (lead) start += lead[0].length;
    const surface = text.slice(start, s.end);
    // "US-backed", "Kurdish-led": a modifier, not a mention of the place.
    if (HYPHEN_MODIFIER_RE.test(text.slice(s.end, s.end + 2))) continue;
    const matches = gazetteer.match(surface);
    if (matches.length) out.push({ start, end: s.end, text: surface, matches, cue: null, demonym: false, embedded: false });
  }
  return out;
}

export function toPlaceSpan(r: ResolvedToponym): PlaceSpan {
  const e = r.entry;
  return {
    start: r.candidate.start,
    end: r.candidate.end,
    text: r.candidate.text,
    name: e.name,
    geonameId: e.geonameId,
    lat: e.lat,
    lon: e.lon,
    countryCode: e.countryCode,
    admin1: e.admin1 ?? (e.featureCode === 'ADM1' ? e.name : null),
    // Only places from an imported GeoNames dump know their district; the rest leave it out.
    ...(e.admin2 ? { admin2: e.admin2 } : {}),
    featureCode: e.featureCode,
    precision: geoPrecision(e, r.candidate.cue),
  };
}

/** Words in capitals (module constant: see recognise.ts on property escapes under tsx). */
const SHOUTED_WORD_RE = /\p{Lu}{2,}/gu;

/** Context-only candidates from metadata lines (dateline "QAMISHLI, Syria", the title). */
function metadataEvidence(input: GeoparseInput, gazetteer: PlaceMatcher): Array<{ candidate: ToponymCandidate; weight: number }> {
  const out: Array<{ candidate: ToponymCandidate; weight: number }> = [];
  if (input.dateline) {
    // Datelines are often shouted ("QAMISHLI, Syria"): read them in title case.
    const line = input.dateline.replace(SHOUTED_WORD_RE, (w) => w.charAt(0) + w.slice(1).toLowerCase());
    for (const c of recogniseToponyms(line, gazetteer)) out.push({ candidate: c, weight: 3 });
  }
  if (input.title) for (const c of recogniseToponyms(input.title, gazetteer)) out.push({ candidate: c, weight: 1 });
  return out;
}

/** Recognises and resolves the places of a text. */
export function geoparse(input: GeoparseInput, gazetteer: PlaceMatcher, options: GeoparseOptions): ResolvedToponym[] {
  const all = recogniseToponyms(input.text, gazetteer, input.excluded ?? []);
  all.push(...locationCandidates(input.text, input.locations ?? [], all, gazetteer));
  all.sort((a, b) => a.start - b.start);
  const kept: ToponymCandidate[] = [];
  const evidence = metadataEvidence(input, gazetteer);
  for (const c of all) {
    if ((options.demonyms || !c.demonym) && (options.embedded || !c.embedded)) kept.push(c);
    else evidence.push({ candidate: c, weight: 1 });
  }
  return resolveToponyms(input.text, kept, { evidence, threshold: options.threshold }).map((r) => regionOf(r, gazetteer));
}

/** "Sweida province" names the province the town Sweida is the seat of: the admin1 entry. */
function regionOf(r: ResolvedToponym, gazetteer: PlaceMatcher): ResolvedToponym {
  const e = r.entry;
  if (r.candidate.cue !== 'region' || e.featureClass !== 'P' || !e.admin1) return r;
  const region = gazetteer.match(e.admin1).find((m) => m.entry.featureCode === 'ADM1' && m.entry.countryCode === e.countryCode);
  return region ? { ...r, entry: region.entry } : r;
}

/**
 * Resolution of given spans (evaluation with --gold-spans): each span is looked up as written, and
 * resolved with the document's other names as context. Spans the gazetteer lacks are returned
 * unresolved (null).
 */
export function resolveSpans(input: GeoparseInput, spans: Span[], gazetteer: PlaceMatcher): Array<ResolvedToponym | null> {
  const context = recogniseToponyms(input.text, gazetteer);
  const given: ToponymCandidate[] = spans.map((s) => {
    const text = input.text.slice(s.start, s.end);
    let matches = gazetteer.match(text);
    if (!matches.length) matches = gazetteer.match(text.replace(/^the\s+/i, '').replace(/['’]s$/, ''));
    return { start: s.start, end: s.end, text, matches, cue: null, demonym: matches.some((m) => m.demonym), embedded: false };
  });
  const evidence = metadataEvidence(input, gazetteer);
  for (const c of context) if (!given.some((g) => g.start < c.end && g.end > c.start)) evidence.push({ candidate: c, weight: 1 });
  const resolved = resolveToponyms(input.text, given.filter((g) => g.matches.length), { evidence, threshold: -Infinity });
  return given.map((g) => resolved.find((r) => r.candidate === g) ?? null);
}
