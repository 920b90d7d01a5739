/**
 * An event's fields derived from all its reports. Deterministic: the same mentions give the same
 * summary whatever order they arrived in, so a store can always recompute it.
 */
import type { EventLocation } from '../model/types.js';
import type { CountClaim, EventSummary, Mention } from './types.js';

function byOrder(a: Mention, b: Mention): number {
  return (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id);
}

/** The most frequent non-null value; ties go to the earliest report. */
function mostFrequent<T>(values: (T | null)[], key: (v: T) => string = String): T | null {
  const counts = new Map<string, { value: T; n: number; first: number }>();
  values.forEach((value, i) => {
    if (value === null || value === undefined) return;
    const k = key(value);
    const entry = counts.get(k);
    if (entry) entry.n += 1;
    else counts.set(k, { value, n: 1, first: i });
  });
  let best: { value: T; n: number; first: number } | null = null;
  for (const entry of counts.values()) {
    if (!best || entry.n > best.n || (entry.n === best.n && entry.first < best.first)) best = entry;
  }
  return best ? best.value : null;
}

/** The most precise place wins (a town over a province); among equals, the most reported one. */
function pickLocation(mentions: Mention[]): EventLocation | null {
  const located = mentions.filter((m) => m.location);
  if (!located.length) return null;
  const finest = Math.min(...located.map((m) => m.location!.precision));
  return mostFrequent(
    located.filter((m) => m.location!.precision === finest).map((m) => m.location),
    (l) => `${l.name}|${l.lat.toFixed(3)}|${l.lon.toFixed(3)}`,
  );
}

/** The most precise date wins; among equally precise ones, the most reported, then the earliest. */
function pickDate(mentions: Mention[]): Pick<EventSummary, 'date' | 'dateEnd' | 'datePrecision'> {
  const dated = mentions.filter((m) => m.date);
  if (!dated.length) return { date: null, dateEnd: null, datePrecision: 3 };
  const finest = Math.min(...dated.map((m) => m.datePrecision)) as 1 | 2 | 3;
  const best = mostFrequent(
    dated.filter((m) => m.datePrecision === finest),
    (m) => `${m.date}|${m.dateEnd ?? ''}`,
  )!;
  return { date: best.date, dateEnd: best.dateEnd, datePrecision: finest };
}

function sourceName(mention: Mention): string {
  return mention.attribution ?? mention.publisher ?? `article ${mention.articleId}`;
}

function claimsOf(mention: Mention): CountClaim[] {
  return mention.counts.map((count) => ({
    kind: count.kind,
    value: count.value,
    min: count.min,
    max: count.max,
    qualifier: count.qualifier,
    text: count.text,
    source: sourceName(mention),
    articleId: mention.articleId,
    mentionId: mention.id,
  }));
}

export function summariseCluster(input: Mention[]): EventSummary {
  if (!input.length) throw new Error('summariseCluster: an event needs at least one mention');
  const mentions = [...input].sort(byOrder);
  const fatalities = mentions.map((m) => m.fatalities).filter((f): f is number => f !== null);
  return {
    type: mostFrequent(mentions.map((m) => m.type))!,
    subType: mostFrequent(mentions.map((m) => m.subType)) ?? '',
    ...pickDate(mentions),
    actor1: mostFrequent(mentions.map((m) => m.actor1)),
    actor2: mostFrequent(mentions.map((m) => m.actor2)),
    location: pickLocation(mentions),
    fatalities: fatalities.length ? Math.min(...fatalities) : null,
    fatalitiesMin: fatalities.length ? Math.min(...fatalities) : null,
    fatalitiesMax: fatalities.length ? Math.max(...fatalities) : null,
    claims: mentions.flatMap(claimsOf),
    evidence: mentions[0].evidence.text,
    sourceNames: [...new Set(mentions.map(sourceName))],
    articleIds: [...new Set(mentions.map((m) => m.articleId))],
    mentionIds: mentions.map((m) => m.id),
  };
}

/** "SOHR: 24 killed; state media: 12 killed": each source's fatality claim, for notes and the dashboard. */
export function describeFatalityClaims(claims: CountClaim[]): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  const highest = (c: CountClaim) => c.value ?? c.max ?? c.min ?? -1;
  // Highest first: the reader sees the range of claims from the top down.
  for (const claim of claims.filter((c) => c.kind === 'fatalities').sort((a, b) => highest(b) - highest(a))) {
    const value = claim.value ?? (claim.min !== null && claim.max !== null ? `${claim.min}-${claim.max}` : claim.min ?? claim.max);
    if (value === null) continue;
    const text = `${claim.source}: ${claim.qualifier ? `${claim.qualifier} ` : ''}${value} killed`;
    if (!seen.has(text)) parts.push(text);
    seen.add(text);
  }
  return parts.join('; ');
}
