/**
 * The event's location, until the places stage exports its own picker (src/places/event-location.ts):
 * a place named in the sentence (for an arrival the one after "to/at/in", for a displacement the one
 * after "from", else the nearest to the trigger, towns before countries), else the place the article
 * mentions most, at no better than ACLED geo precision 2 since the sentence does not name it.
 */
import type { EventLocation, PlaceSpan, Span } from '../model/types.js';

const COUNTRY_CODES = /^PCL/;

function toLocation(p: PlaceSpan, precision = p.precision): EventLocation {
  return { name: p.name, lat: p.lat, lon: p.lon, countryCode: p.countryCode, admin1: p.admin1, precision, start: p.start, end: p.end };
}

function isCountry(p: PlaceSpan): boolean {
  return COUNTRY_CODES.test(p.featureCode ?? '') || p.precision === 3;
}

export function pickLocation(
  text: string,
  places: PlaceSpan[],
  sentence: Span,
  trigger: Span,
  label: string,
): { location: EventLocation | null; how: string } {
  const inSentence = places.filter((p) => p.start >= sentence.start && p.end <= sentence.end);
  const prepBefore = (p: PlaceSpan) => /\b(\w+)\s+(?:the\s+)?$/i.exec(text.slice(Math.max(sentence.start, p.start - 20), p.start))?.[1]?.toLowerCase();
  if (inSentence.length) {
    const wanted = label === 'Arrival' ? ['to', 'at', 'in'] : label === 'Displacement' ? ['from', 'of'] : null;
    const byPrep = wanted && inSentence.find((p) => wanted.includes(prepBefore(p) ?? ''));
    if (byPrep) return { location: toLocation(byPrep), how: 'sentence, by preposition' };
    const towns = inSentence.filter((p) => !isCountry(p));
    const pool = towns.length ? towns : inSentence;
    const nearest = pool.reduce((a, b) => (distance(a, trigger) <= distance(b, trigger) ? a : b));
    return { location: toLocation(nearest), how: 'sentence, nearest to the trigger' };
  }
  if (!places.length) return { location: null, how: 'none' };
  const counts = new Map<string, { place: PlaceSpan; n: number }>();
  for (const p of places) {
    const key = p.geonameId !== null ? String(p.geonameId) : `${p.name}|${p.lat}|${p.lon}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { place: p, n: 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || Number(isCountry(a.place)) - Number(isCountry(b.place)) || a.place.start - b.place.start);
  const top = ranked[0].place;
  return { location: toLocation(top, Math.max(top.precision, 2) as 1 | 2 | 3), how: 'article, most mentioned place' };
}

function distance(p: Span, t: Span): number {
  return p.end <= t.start ? t.start - p.end : p.start >= t.end ? p.start - t.end : 0;
}
