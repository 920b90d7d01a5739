/**
 * Toponym resolution: picks, for every recognised name, the gazetteer entry the document means. Each
 * entry is scored by what it is (a country or admin1 region before a hamlet, population), how the name
 * reached it (own name before alternate, exact before transliteration skeleton) and the document's
 * context: countries it names (also through the dateline, the title and demonyms), "Town, State"
 * pairs, and nearness to the other places of the story (a "Homs" near "Hama" is the Syrian one).
 * One sense per discourse: every mention of a name in a document gets the same place.
 */
import type { IndexedEntry, NameMatch } from './gazetteer-index.js';
import { readLexiconLines } from '../model/data-files.js';
import { articleKey, skeletonKey, strictKey } from './fold.js';
import { TRANSLITERATED_FILE } from './gazetteer.js';
import { AFTER_TOWN_RE, type ToponymCandidate } from './recognise.js';
import { detached } from '../text/detached.js';
import { TextMemo } from '../text/text-memo.js';

export interface ResolvedToponym {
  candidate: ToponymCandidate;
  entry: IndexedEntry;
  score: number;
}

export interface ResolutionContext {
  /** Names that steer resolution but are not output (dateline, title, demonyms): with a weight. */
  evidence: Array<{ candidate: ToponymCandidate; weight: number }>;
  /** Minimum score for a name to be kept as a place. */
  threshold: number;
}

const AREA_CODES = /^(PCLI|PCLS|PCLD|PCLIX|PCLF|TERR|CONT|ADM1|RGN)$/;

export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const dLat = (bLat - aLat) * r;
  const dLon = (bLon - aLon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Names and anchors are compared by their fold keys many times per article: fold each name once per
// process (bounded memos that restart when full).
function memoised(fold: (name: string) => string): (name: string) => string {
  const keys = new TextMemo<string>(50_000);
  return (name) => {
    let key = keys.get(name);
    if (key === undefined) {
      // The fold may return the name itself, a slice of the article.
      key = detached(fold(name));
      keys.set(name, key);
    }
    return key;
  };
}
const nameKey = memoised(articleKey);
const strictOf = memoised(strictKey);
const skeletonOf = memoised(skeletonKey);

let romanisedCountries: Set<string> | undefined;
function romanised(): Set<string> {
  romanisedCountries ??= new Set(readLexiconLines(TRANSLITERATED_FILE));
  return romanisedCountries;
}

/** Two names that are not romanisations of each other: their consonant skeletons differ. */
function otherName(a: string, b: string): boolean {
  return skeletonOf(a) !== skeletonOf(b);
}

/** What an entry is worth before any context: the kind of place and its size. */
function prior(m: NameMatch, surface: string): number {
  const e = m.entry;
  const pop = Math.log10(e.population + 1) * 0.8;
  const code = e.featureCode ?? '';
  let s: number;
  if (/^PCL/.test(code) || code === 'TERR') s = 9;
  else if (code === 'CONT') s = 8.5;
  else if (code === 'ADM1') s = 7;
  else if (code === 'PPLC') s = 4.5 + pop;
  else if (code === 'ADM2') s = m.primary ? 5 : 1;
  else if (e.featureClass === 'P') s = (code === 'PPLA' ? 1.5 : code === 'PPLA2' ? 0.7 : 0) + pop;
  else if (e.featureClass === 'L' || e.featureClass === 'H' || e.featureClass === 'T') s = e.source === 'supplement' ? 6 : 2;
  else s = 1 + pop;
  if (e.source === 'supplement') s += 0.5;
  // How the name reached the entry.
  if (m.level === 'article') s -= nameKey(surface) !== strictOf(surface) && e.featureClass !== 'A' ? 0.3 : 1;
  else if (m.level === 'skeleton') s -= 3;
  if (!m.primary) s -= e.population < 1000 && e.featureClass === 'P' ? 1.5 : 0.3;
  // GeoNames lists former and unofficial names of small towns ("Turner" for West Chicago, "McDonald"
  // for Eagle): a name that is not a spelling of the town's own is weak evidence for a small town.
  // Not in countries whose names reach English by romanisation, where the English name of a town
  // often differs from GeoNames' own (Palmyra/Tadmur, Kobani/Ayn al-Arab).
  if (!m.primary && e.source === 'geonames' && e.featureClass === 'P' && e.population < 100_000 && !romanised().has(e.countryCode) && otherName(surface, e.name)) s -= 2.5;
  if (m.demonym) s += 1;
  return s;
}

interface Evidence {
  countries: Map<string, number>;
  admin1: Map<string, number>;
  total: number;
}

function addVote(map: Map<string, number>, key: string, w: number): void {
  map.set(key, (map.get(key) ?? 0) + w);
}

/** One name's vote for the country (and region) it names unambiguously, if any. */
function vote(ev: Evidence, c: ToponymCandidate, w: number): void {
  // The name's areas (strict matches): countries and primary admin1 regions, counted with the first of each.
  let countries = 0;
  let country: IndexedEntry | null = null;
  let regions = 0;
  let region: IndexedEntry | null = null;
  for (const m of c.matches) {
    const code = m.entry.featureCode ?? '';
    if (m.level !== 'strict' || !AREA_CODES.test(code)) continue;
    if (COUNTRY_CODE.test(code) && countries++ === 0) country = m.entry;
    if (code === 'ADM1' && m.primary && regions++ === 0) region = m.entry;
  }
  if (countries === 1) {
    // "Georgia" is a country and a US state: it says nothing about the document's country until
    // the other names have spoken, or it would vote for itself.
    for (const m of c.matches) {
      if (m.level === 'strict' && m.entry.featureCode === 'ADM1' && m.primary && m.entry.countryCode !== country!.countryCode) return;
    }
    addVote(ev.countries, country!.countryCode, 2 * w);
    ev.total += 2 * w;
    return;
  }
  if (regions === 1 || c.state) {
    const e = region ?? c.matches[0]!.entry;
    addVote(ev.countries, e.countryCode, w);
    addVote(ev.admin1, `${e.countryCode}:${e.admin1 ?? e.name}`, w);
    ev.total += w;
  }
}

const COUNTRY_CODE = /^PCL|TERR/;

/** Countries and regions the document names unambiguously enough to steer the others. */
function gatherEvidence(candidates: ToponymCandidate[], extra: ResolutionContext['evidence']): Evidence {
  const ev: Evidence = { countries: new Map(), admin1: new Map(), total: 0 };
  for (const c of candidates) vote(ev, c, 1);
  for (const x of extra) vote(ev, x.candidate, x.weight);
  return ev;
}

function contextScore(e: IndexedEntry, ev: Evidence, anchors: IndexedEntry[], self: string): number {
  let s = 0;
  const cv = ev.countries.get(e.countryCode) ?? 0;
  if (cv > 0) s += 1.5 + 3 * (cv / Math.max(ev.total, 1));
  if (e.admin1 && ev.admin1.size > 0 && (ev.admin1.get(`${e.countryCode}:${e.admin1}`) ?? 0) > 0) s += 2.5;
  if (!AREA_CODES.test(e.featureCode ?? '') && anchors.length) {
    let best = Infinity;
    for (const a of anchors) {
      if (a === e || nameKey(a.name) === self) continue;
      best = Math.min(best, distanceKm(e.lat, e.lon, a.lat, a.lon));
    }
    if (best < 30) s += 3;
    else if (best < 100) s += 2.5;
    else if (best < 300) s += 1.5;
    else if (best < 800) s += 0.5;
  }
  return s;
}

/**
 * "Charleston, W.Va.", "Homs, Syria": the container right after a comma (the caller has seen the
 * comma between the name and `next`).
 */
function containerBonus(next: ToponymCandidate, e: IndexedEntry): number {
  for (const m of next.matches) {
    const n = m.entry;
    if (/^PCL/.test(n.featureCode ?? '') && n.countryCode === e.countryCode && n !== e) return 8;
    if (n.featureCode === 'ADM1' && n.countryCode === e.countryCode && (n.admin1 ?? n.name) === e.admin1 && n !== e) return 8;
  }
  return 0;
}

/** "Seattle, Washington": the name is the container of the town before it. */
function afterTown(text: string, c: ToponymCandidate): boolean {
  return AFTER_TOWN_RE.test(text.slice(Math.max(0, c.start - 40), c.start));
}

/**
 * The entry a group of mentions (positions in `candidates`) of one name means, with its score and its
 * margin over the runner-up; undefined when no entry is believed.
 */
function scoreGroup(
  text: string,
  candidates: ToponymCandidate[],
  ev: Evidence,
  key: string,
  mentions: number[],
  anchors: IndexedEntry[],
): { entry: IndexedEntry; score: number; margin: number } | undefined {
  const totals = new Map<number, { entry: IndexedEntry; score: number }>();
  // Mentions written alike, with the same cue and the same container after them, score alike:
  // each such kind is scored once, so a name repeated a thousand times costs one scoring.
  const seenKinds = new Set<string>();
  for (let i = 0; i < mentions.length; i++) {
    const c = candidates[mentions[i]!]!;
    const next = candidates[mentions[i]! + 1];
    const container = next && /^,\s*$/.test(text.slice(c.end, next.start)) ? next.text : '';
    const kind = `${c.text}|${c.cue}|${c.state ?? ''}|${container}`;
    if (seenKinds.has(kind)) {
      for (const t of totals.values()) t.score += 0.01;
      continue;
    }
    seenKinds.add(kind);
    // "Mexico" is the country before Mexico City, which GeoNames also calls "Mexico"; "Washington"
    // alone is the capital (and its government) before the state of the same name.
    const country = c.matches.some((m) => /^PCL/.test(m.entry.featureCode ?? '') && m.primary && m.level === 'strict');
    // "Homs" is the city more often than the governorate it is the seat of (outside the US, where
    // a state's name alone means the state): the seat wins unless the text says "province".
    // (Most names are no state or region: the sets are made only when there is one.)
    let stateNames: Set<string> | null = null;
    let regions: Set<string> | null = null;
    for (const m of c.matches) {
      if (m.entry.featureCode !== 'ADM1') continue;
      if (m.level === 'strict') (stateNames ??= new Set()).add(m.entry.countryCode);
      if (m.entry.countryCode !== 'US') (regions ??= new Set()).add(`${m.entry.countryCode}:${m.entry.name}`);
    }
    for (const m of c.matches) {
      const seat = regions !== null && c.cue !== 'region' && /^PPL[AC]$/.test(m.entry.featureCode ?? '') && regions.has(`${m.entry.countryCode}:${m.entry.admin1}`);
      // A transliteration skeleton is only believed for a country the document is about.
      if (m.level === 'skeleton' && !ev.countries.get(m.entry.countryCode)) continue;
      let s = prior(m, c.text) + contextScore(m.entry, ev, anchors, key) + (container ? containerBonus(next!, m.entry) : 0);
      if (c.cue === 'region' && m.entry.featureClass === 'A') s += 1.5;
      if (c.state && m.entry.featureCode === 'ADM1') s += 5;
      if (seat) s += 3;
      if (country && !m.primary && !/^PCL/.test(m.entry.featureCode ?? '')) s -= 3;
      if (m.entry.featureCode === 'PPLC' && stateNames !== null && stateNames.has(m.entry.countryCode) && c.cue !== 'region' && !container && !afterTown(text, c)) s += 3;
      const t = totals.get(m.entry.index);
      // The best-supported mention speaks for the group; later mentions only add a little.
      if (!t) totals.set(m.entry.index, { entry: m.entry, score: s });
      else t.score = Math.max(t.score, s) + (i > 0 ? 0.01 : 0);
    }
  }
  let best: { entry: IndexedEntry; score: number } | undefined;
  let second = -Infinity;
  for (const t of totals.values()) {
    if (!best || t.score > best.score) {
      if (best) second = Math.max(second, best.score);
      best = t;
    } else second = Math.max(second, t.score);
  }
  return best ? { entry: best.entry, score: best.score, margin: best.score - second } : undefined;
}

export function resolveToponyms(text: string, candidates: ToponymCandidate[], ctx: ResolutionContext): ResolvedToponym[] {
  const ev = gatherEvidence(candidates, ctx.evidence);
  // Group mentions (by position) by name: one sense per discourse.
  const groups = new Map<string, number[]>();
  for (let i = 0; i < candidates.length; i++) {
    const key = nameKey(candidates[i]!.text);
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  // Pass 1 without nearness; confident point-like winners (and the dateline's place) become anchors.
  const anchors: IndexedEntry[] = [];
  for (const { candidate: c, weight } of ctx.evidence) {
    if (weight < 2) continue;
    const top = c.matches.find((m) => m.entry.featureClass === 'P' || m.entry.featureClass === 'S');
    if (top && !c.matches.some((m) => AREA_CODES.test(m.entry.featureCode ?? '') && m.primary)) anchors.push(top.entry);
  }
  for (const [key, mentions] of groups) {
    const r = scoreGroup(text, candidates, ev, key, mentions, []);
    if (r && r.margin > 2 && !AREA_CODES.test(r.entry.featureCode ?? '')) anchors.push(r.entry);
  }
  const out: ResolvedToponym[] = [];
  for (const [key, mentions] of groups) {
    const r = scoreGroup(text, candidates, ev, key, mentions, anchors);
    if (!r || r.score < ctx.threshold) continue;
    for (const i of mentions) out.push({ candidate: candidates[i]!, entry: r.entry, score: r.score });
  }
  return out.sort((a, b) => a.candidate.start - b.candidate.start);
}
