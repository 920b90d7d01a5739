/**
 * The event's location, with ACLED geo precision. Events choose among the places of the event's own
 * sentence by the trigger: a movement by its preposition (an arrival where people arrived, "to/at/in
 * the camp"; a displacement where they left, "from the village"), otherwise the place nearest the
 * trigger, towns before countries ("struck positions held by Kyiv's forces outside Kupiansk" is in
 * Kupiansk, however exactly Kyiv is known). A sentence that names no place takes the story's main
 * place from the places module (src/places/event-location.ts), at precision 2 or coarser.
 */
import type { Doc, EventLocation, PlaceSpan, Span } from '../model/types.js';
import { mainPlace } from '../places/event-location.js';

const MOVEMENT_PREPOSITIONS: Record<string, string[]> = {
  Arrival: ['to', 'at', 'in'],
  Displacement: ['from', 'of'],
};

function toLocation(p: PlaceSpan, precision = p.precision): EventLocation {
  return { name: p.name, lat: p.lat, lon: p.lon, countryCode: p.countryCode, admin1: p.admin1, precision, start: p.start, end: p.end };
}

function isCountry(p: PlaceSpan): boolean {
  return /^PCL/.test(p.featureCode ?? '') || p.precision === 3;
}

function prepositionBefore(text: string, sentence: Span, p: PlaceSpan): string | undefined {
  return /\b(\w+)\s+(?:the\s+)?$/i.exec(text.slice(Math.max(sentence.start, p.start - 20), p.start))?.[1]?.toLowerCase();
}

/** The story's main place, read on first use and remembered for the rest of the article. */
export function mainPlaceOnce(doc: Pick<Doc, 'places'>): () => PlaceSpan | null {
  let main: PlaceSpan | null | undefined;
  return () => (main === undefined ? (main = mainPlace(doc)) : main);
}

function distance(p: Span, t: Span): number {
  return p.end <= t.start ? t.start - p.end : p.start >= t.end ? p.start - t.end : 0;
}

export function pickLocation(
  doc: Pick<Doc, 'text' | 'places'>,
  sentence: Span,
  trigger: Span,
  label: string,
  /** The story's main place (the caller reads it once per article: see `mainPlaceOnce`). */
  storyMain: () => PlaceSpan | null,
): { location: EventLocation | null; how: string } {
  const inSentence = doc.places.filter((p) => p.start >= sentence.start && p.end <= sentence.end);
  if (inSentence.length) {
    const wanted = MOVEMENT_PREPOSITIONS[label];
    const byPrep = wanted && inSentence.find((p) => wanted.includes(prepositionBefore(doc.text, sentence, p) ?? ''));
    if (byPrep) return { location: toLocation(byPrep), how: 'sentence, by preposition' };
    const towns = inSentence.filter((p) => !isCountry(p));
    const pool = towns.length ? towns : inSentence;
    const nearest = pool.reduce((a, b) => (distance(a, trigger) <= distance(b, trigger) ? a : b));
    return { location: toLocation(nearest), how: 'sentence, nearest to the trigger' };
  }
  const main = storyMain();
  if (!main) return { location: null, how: 'none' };
  return { location: toLocation(main, Math.max(main.precision, 2) as 1 | 2 | 3), how: 'article, main place' };
}
