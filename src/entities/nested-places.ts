/**
 * Places named inside a longer name: "Government of Iraq", "Minister for the Middle East",
 * "Islamic State of Iraq and the Levant". re3d annotates the place nested in the organisation or
 * person span, and the places stage wants them too; the outer span is kept as it is.
 */
import type { Gazetteer } from '../model/resources.js';
import type { EntitySpan } from '../model/types.js';
import type { EntityLexicons } from './lexicons.js';
import { knownPlace } from './classify-run.js';
import type { TokenView } from './segments.js';

const CONNECTORS = new Set(['of', 'for']);
const ENDS = new Set(['of', 'for', 'and', ',']);
const MAX_TAIL = 3;

/** LOCATION spans for the place after each "of"/"for" between tokens first and last (inclusive). */
export function nestedPlaces(view: TokenView, first: number, last: number, lex: EntityLexicons, gazetteer: Gazetteer): EntitySpan[] {
  const out: EntitySpan[] = [];
  for (let k = first; k < last; k++) {
    if (!CONNECTORS.has(view.lower[k])) continue;
    let start = k + 1;
    if (view.lower[start] === 'the') start++;
    if (start > last || !view.cap[start]) continue;
    let end = start;
    while (end + 1 <= last && !ENDS.has(view.lower[end + 1]) && view.cap[end + 1] && end + 1 - start < MAX_TAIL) end++;
    const country = lex.countries.matchAt(view.keys, start, end);
    if (country) end = country.last;
    const from = view.tokens[start].start;
    const to = view.tokens[end].end;
    const text = view.text.slice(from, to);
    if (country || knownPlace(gazetteer, text)) out.push({ start: from, end: to, text, type: 'LOCATION' });
    k = end;
  }
  return out;
}
