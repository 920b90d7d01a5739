/**
 * Proper-noun runs: maximal sequences of capitalised words not already anchored, glued by hyphens
 * ("Ain Al-Arab") and name particles ("Haider al-Abadi", "Osama bin Laden"), and extended over
 * "of"/"for" after an organisation head ("Ministry of Defence", "Observatory for Human Rights").
 */
import type { EntityLexicons } from './lexicons.js';
import type { TokenView } from './segments.js';

export interface Run {
  first: number;
  last: number;
}

const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'ould', 'ag', 'de', 'del', 'della', 'di', 'da', 'dos', 'du', 'van', 'von', 'der', 'le', 'la', 'ul', 'ud', 'bu']);
const CONNECTORS = new Set(['of', 'for', 'on']);

function touching(view: TokenView, a: number, b: number): boolean {
  return view.tokens[a].end === view.tokens[b].start;
}

/** One plain space between two tokens of the same segment. */
function spaced(view: TokenView, a: number, b: number): boolean {
  if (view.segment[a] !== view.segment[b]) return false;
  const gap = view.tokens[b].start - view.tokens[a].end;
  return gap === 1 && view.text[view.tokens[a].end] === ' ';
}

/** Claims on tokens: free, held by a place or nationality anchor (an organisation name may absorb it), held. */
export const FREE = 0;
export const SOFT = 1;
export const HELD = 2;

/** A token that can be part of a name: capitalised and free (not anchored, not a date). */
function nameWord(view: TokenView, i: number, taken: Uint8Array, allow = FREE): boolean {
  return i < view.tokens.length && view.cap[i] && taken[i] <= allow;
}

/** How many tokens after `j` continue the run (0 when it ends at j). */
function continuation(view: TokenView, j: number, taken: Uint8Array): number {
  const { tokens, lower } = view;
  const next = j + 1;
  if (next >= tokens.length || view.segment[next] !== view.segment[j]) return 0;
  if (nameWord(view, next, taken) && spaced(view, j, next)) return 1;
  // Hyphenated name: "Al-Sharaa", "Ain Al-Arab", "Bin-Laden" (not "Kurdish-led": lower-case after).
  if (tokens[next].text === '-' && touching(view, j, next) && next + 1 < tokens.length) {
    if (nameWord(view, next + 1, taken, SOFT) && touching(view, next, next + 1)) return 2;
  }
  // Particle: "al-Abadi", "al Abadi", "bin Laden".
  if (PARTICLES.has(lower[next]) && !taken[next] && spaced(view, j, next)) {
    const after = next + 1;
    if (after < tokens.length && tokens[after].text === '-' && touching(view, next, after) && nameWord(view, after + 1, taken)) return 3;
    if (nameWord(view, after, taken) && spaced(view, next, after)) return 2;
  }
  return 0;
}

/** Runs of free capitalised tokens; `taken` marks tokens claimed by anchors or dates (FREE/SOFT/HELD). */
export function findRuns(view: TokenView, taken: Uint8Array, lex: EntityLexicons): Run[] {
  const runs: Run[] = [];
  const { tokens, lower } = view;
  for (let i = 0; i < tokens.length; i++) {
    let first = i;
    // A run may open on a glued article: "al-Baghdadi".
    if (!nameWord(view, i, taken)) {
      const isArticle = (lower[i] === 'al' || lower[i] === 'el') && !taken[i];
      if (!(isArticle && tokens[i + 1]?.text === '-' && touching(view, i, i + 1) && nameWord(view, i + 2, taken))) continue;
      first = i;
    }
    let last = first === i && view.cap[i] ? i : i + 2;
    for (let step = continuation(view, last, taken); step > 0; step = continuation(view, last, taken)) last += step;
    last = extendOverConnector(view, last, taken, lex);
    runs.push({ first, last });
    i = last;
  }
  return runs;
}

/**
 * "Ministry of Defence", "Observatory for Human Rights", "Council on Foreign Relations", and titles
 * with their office: "Secretary of State John Kerry", "Minister for the Middle East".
 */
function extendOverConnector(view: TokenView, last: number, taken: Uint8Array, lex: EntityLexicons): number {
  const { lower } = view;
  for (;;) {
    const head = lower[last];
    if (!(lex.orgCues.has(head) || lex.orgLeadCues.has(head) || lex.titles.has(head))) return last;
    const connector = last + 1;
    if (!CONNECTORS.has(lower[connector] ?? '') || !spaced(view, last, connector)) return last;
    let start = connector + 1;
    if (lower[start] === 'the' && spaced(view, connector, start)) start++;
    if (!nameWord(view, start, taken, SOFT) || !spaced(view, start - 1, start)) return last;
    let end = start;
    while (nameWord(view, end + 1, taken, SOFT) && spaced(view, end, end + 1)) end++;
    for (let step = continuation(view, end, taken); step > 0; step = continuation(view, end, taken)) end += step;
    last = end;
  }
}
