/**
 * Where an event happened, for the event stage: the place named in the event's own sentence closest
 * to the evidence span (a town before a province, a province before a country), else the story's
 * main place (the one most often named, finest first), with an ACLED geo-precision. A place taken
 * from elsewhere in the story is less exact than one in the sentence, so its precision is at least 2.
 */
import type { Doc, EventLocation, GeoPrecision, PlaceSpan, Span } from '../model/types.js';

function toLocation(p: PlaceSpan, precision: GeoPrecision): EventLocation {
  const location: EventLocation = { name: p.name, lat: p.lat, lon: p.lon, countryCode: p.countryCode, admin1: p.admin1, precision, start: p.start, end: p.end };
  // The district, when the place came from an imported GeoNames dump: merging compares it.
  if (p.admin2) location.admin2 = p.admin2;
  return location;
}

function gap(a: Span, b: Span): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

/** Equal as the text of the numbers would be: 0 and -0 alike, NaN like NaN. */
const sameNumber = (a: number, b: number) => a === b || (a !== a && b !== b);

/** The story's main place: most mentions, then finest precision, then first mention. */
export function mainPlace(doc: Pick<Doc, 'places'>): PlaceSpan | null {
  // Same place = same name and coordinates; filed by name and compared as numbers, since turning
  // every coordinate into a string for a key cost more than the whole count.
  const byName = new Map<string, Array<{ place: PlaceSpan; count: number }>>();
  const tallies: Array<{ place: PlaceSpan; count: number }> = [];
  for (const p of doc.places) {
    let bucket = byName.get(p.name);
    if (!bucket) byName.set(p.name, (bucket = []));
    const t = bucket.find((x) => sameNumber(x.place.lat, p.lat) && sameNumber(x.place.lon, p.lon));
    if (t) t.count++;
    else {
      const fresh = { place: p, count: 1 };
      bucket.push(fresh);
      tallies.push(fresh);
    }
  }
  let best: { place: PlaceSpan; count: number } | null = null;
  for (const t of tallies) {
    if (
      !best ||
      t.count > best.count ||
      (t.count === best.count && t.place.precision < best.place.precision)
    ) best = t;
  }
  return best?.place ?? null;
}

/**
 * The location of an event whose evidence is `span`: a place inside the sentence holding the span
 * (finest precision, then nearest to the span), else the story's main place.
 */
export function placeForSpan(doc: Pick<Doc, 'places' | 'sentences'>, span: Span): EventLocation | null {
  const sentence = doc.sentences.find((s) => s.start <= span.start && span.start < s.end) ?? span;
  const inSentence = doc.places.filter((p) => p.start >= sentence.start && p.end <= sentence.end);
  if (inSentence.length) {
    const best = [...inSentence].sort((a, b) => a.precision - b.precision || gap(a, span) - gap(b, span))[0]!;
    return toLocation(best, best.precision);
  }
  const main = mainPlace(doc);
  if (!main) return null;
  return toLocation(main, Math.max(main.precision, 2) as GeoPrecision);
}
