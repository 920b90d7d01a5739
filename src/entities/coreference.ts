/**
 * In-document coreference. Later mentions are linked to the full name through `canonical`:
 * a surname alone ("Sharaa", "al-Abadi") to the person named in full elsewhere in the article, and
 * definite descriptions ("the group", "the militants", "the regime") to the last actor of the right
 * kind named before them.
 */
import type { ActorCategory, EntitySpan } from '../model/types.js';
import type { CoreferenceTarget, EntityLexicons } from './lexicons.js';
import { nameKey } from './name-key.js';
import type { TokenView } from './segments.js';

const ARMED: ReadonlySet<ActorCategory> = new Set(['Rebel group', 'Political militia', 'Identity militia']);

/** Surname keys of the people named with two or more words: "Ahmed al-Sharaa" -> "sharaa". */
export function surnameIndex(people: EntitySpan[]): Map<string, EntitySpan> {
  const index = new Map<string, EntitySpan>();
  for (const person of people) {
    const words = nameKey(person.text).split(' ');
    if (words.length < 2) continue;
    const surname = words[words.length - 1];
    if (!index.has(surname)) index.set(surname, person);
  }
  return index;
}

const GOVERNING = /\b(government|regime|authorities|administration)$/i;
// A module constant: tsx (esbuild) rewrites a Unicode-property literal as `new RegExp`, which written
// inside the loop built a regular expression object at every match.
const STARTS_LOWER_CASE = /^\p{Ll}/u;

function fits(target: CoreferenceTarget, entity: EntitySpan): boolean {
  if (entity.type !== 'ORGANISATION' || !entity.canonical) return false;
  if (target === 'any') return true;
  // "the government" is a government, not whichever army was named last.
  if (target === 'state') return entity.canonical.startsWith('Government of') || GOVERNING.test(entity.text);
  return !!entity.actorCategory && ARMED.has(entity.actorCategory);
}

/**
 * Among the actors that fit, the one the article has named with the same head noun ("the Daesh
 * group" for "the group"), else the one named most often so far, else the most recent.
 */
function pickAntecedent(candidates: EntitySpan[], target: CoreferenceTarget, head: string): EntitySpan | undefined {
  const counts = new Map<string, number>();
  let headMatch: EntitySpan | undefined;
  for (const c of candidates) {
    if (!fits(target, c)) continue;
    counts.set(c.canonical!, (counts.get(c.canonical!) ?? 0) + 1);
    if (nameKey(c.text).endsWith(` ${head}`)) headMatch = c;
  }
  if (headMatch) return headMatch;
  let best: EntitySpan | undefined;
  let bestCount = 0;
  for (let k = candidates.length - 1; k >= 0; k--) {
    const c = candidates[k];
    if (!fits(target, c)) continue;
    const count = counts.get(c.canonical!) ?? 0;
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}

/**
 * "the group" and kin, linked to the nearest earlier actor that fits. `named` must be sorted by
 * start; mentions with no antecedent are left out (a bare "the group" says nothing on its own).
 */
export function resolveDescriptions(view: TokenView, named: EntitySpan[], lex: EntityLexicons): EntitySpan[] {
  const { tokens, lower } = view;
  const mentions: EntitySpan[] = [];
  let cursor = 0;
  let candidates: EntitySpan[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (lower[i] !== 'the' || view.segment[i + 1] !== view.segment[i]) continue;
    const match = lex.coreferenceNouns.matchAt(view.keys, i + 1, view.segmentEnd[i]);
    if (!match) continue;
    // The description ends the noun phrase: "the group's fighters" yes, "the group leader" no.
    // read by index, not past the end: an undefined token there deoptimised this loop
    const next = match.last + 1;
    if (next < tokens.length) {
      const after = tokens[next];
      if (after.kind === 'word' && STARTS_LOWER_CASE.test(after.text) && after.pos === 'NOUN') continue;
    }
    while (cursor < named.length && named[cursor].end <= tokens[i].start) candidates.push(named[cursor++]);
    const antecedent = pickAntecedent(candidates, match.value, view.keys[match.last]);
    if (!antecedent) continue;
    const start = tokens[i].start;
    const end = tokens[match.last].end;
    mentions.push({
      start,
      end,
      text: view.text.slice(start, end),
      type: 'ORGANISATION',
      mention: 'nominal',
      canonical: antecedent.canonical,
      ...(antecedent.actorCategory ? { actorCategory: antecedent.actorCategory } : {}),
    });
    i = match.last;
  }
  return mentions;
}
