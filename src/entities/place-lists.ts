/**
 * Lists of places: a name nobody typed, listed next to a place ("Qamenas, Sarmin and Talamenes"),
 * is a place too.
 */
import type { EntitySpan } from '../model/types.js';
import { tokenSpan as span, type TokenView } from './segments.js';

const LIST_JOINS = new Set([',', 'and', 'or']);

/**
 * "Qamenas, Sarmin and Talamenes": a name nobody typed, listed next to a place, is a place too.
 * Moves such runs from `untyped` into `entities` as LOCATION, left to right so a list types in one pass.
 */
export function placesInLists(view: TokenView, entities: EntitySpan[], untyped: { first: number; last: number }[]): void {
  const { tokens, lower, segment } = view;
  const placeEnds = new Set<number>();
  const placeStarts = new Set<number>();
  for (const e of entities) {
    if (e.type !== 'LOCATION') continue;
    placeEnds.add(e.end);
    placeStarts.add(e.start);
  }
  const listed = (k: number) => k >= 0 && k < tokens.length && LIST_JOINS.has(lower[k]);
  const kept: { first: number; last: number }[] = [];
  for (const run of untyped) {
    let before = run.first - 1;
    if (listed(before) && lower[before] !== ',' && tokens[before - 1]?.text === ',') before--;
    const after = run.last + 1;
    const afterNext = after + 1 < tokens.length && segment[after + 1] === segment[run.last] ? after + 1 : -1;
    const joinedBefore = listed(before) && before > 0 && segment[before - 1] === segment[run.first] && placeEnds.has(tokens[before - 1].end);
    const joinedAfter = listed(after) && lower[after] !== ',' && afterNext >= 0 && placeStarts.has(tokens[afterNext].start);
    if (!joinedBefore && !joinedAfter) {
      kept.push(run);
      continue;
    }
    const entity = span(view, run.first, run.last, 'LOCATION');
    entities.push(entity);
    placeEnds.add(entity.end);
  }
  untyped.length = 0;
  untyped.push(...kept);
}
