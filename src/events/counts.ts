/**
 * Counts in an event sentence and what they count (count-kinds.tsv): "400 militants were captured"
 * is 400 captured, "killing 6 civilians, including 2 women" is 6 fatalities (a figure after
 * "including" is part of another, not a separate count). Values come from the quantities layer when
 * it covers the number, except vague words, which take ACLED's conventional values (vague-counts.tsv).
 */
import type { CountKind, EventCount, QuantitySpan } from '../model/types.js';
import type { CountEntry, EventLexicons, LexiconRef } from './lexicons.js';
import type { NumberReading } from './numbers.js';
import type { NumberReadings } from './patterns.js';
import type { Word } from './words.js';

export interface FoundCount extends EventCount {
  /** Word index range of the number. */
  from: number;
  to: number;
  /** The count-kinds.tsv line that decided the kind. */
  rule: LexiconRef;
  /** Part of a figure already given ("including 2 women"). */
  subset: boolean;
  /** A vague word ("dozens", "many") rather than a figure. */
  vague: boolean;
}

const KINDS = new Set<CountKind>(['fatalities', 'injured', 'displaced', 'arrived', 'arrested', 'captured', 'people']);

interface Candidate {
  entry: CountEntry;
  number: NumberReading | null;
  /** words between the number and the word that names its kind */
  distance: number;
  numberFirst: boolean;
  from: number;
  to: number;
}

export function findCounts(
  lex: EventLexicons,
  words: Word[],
  text: string,
  offset: number,
  quantities: QuantitySpan[],
  /** Counts already read over `words` (see PatternIndex.matchAll). */
  readings?: NumberReadings,
): FoundCount[] {
  const byNumber = new Map<number, Candidate[]>();
  const zeros: FoundCount[] = [];
  for (const m of lex.counts.matchAll(words, readings)) {
    const entry = m.pattern.payload;
    if (!KINDS.has(entry.kind as CountKind)) continue;
    if (entry.value !== null) {
      zeros.push({
        kind: entry.kind as CountKind,
        value: entry.value,
        min: null,
        max: null,
        qualifier: null,
        start: words[m.from].start,
        end: words[m.to - 1].end,
        text: text.slice(words[m.from].start - offset, words[m.to - 1].end - offset),
        from: m.from,
        to: m.to,
        rule: entry,
        subset: false,
        vague: false,
      });
      continue;
    }
    const n = m.number;
    if (!n) continue;
    // "three days after fleeing": a number that measures time or distance counts no one
    const next = words[n.to];
    if (next && lex.inClass('UNIT', next.lower)) continue;
    const numberFirst = n.from === m.from;
    const distance = numberFirst ? m.to - n.to : n.from - m.from;
    const list = byNumber.get(n.from) ?? [];
    list.push({ entry, number: n, distance, numberFirst, from: m.from, to: m.to });
    byNumber.set(n.from, list);
  }
  const out: FoundCount[] = zeros;
  // most sentences read one count or none: nothing to order then
  if (!byNumber.size) return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
  const taken = new Set<number>();
  // longest readings first, so "at least 20" wins over "20"
  const starts = [...byNumber.keys()];
  if (starts.length > 1) {
    starts.sort((a, b) => {
      const la = byNumber.get(a)![0].number!;
      const lb = byNumber.get(b)![0].number!;
      return lb.to - lb.from - (la.to - la.from) || a - b;
    });
  }
  for (const start of starts) {
    const candidates = byNumber.get(start)!;
    const n = candidates[0].number!;
    if (anyTaken(taken, n.from, n.to)) continue;
    // a named kind beats the generic "people"; then the nearer kind word; then number-first phrasing
    if (candidates.length > 1) {
      candidates.sort(
        (a, b) =>
          Number(a.entry.kind === 'people') - Number(b.entry.kind === 'people') ||
          a.distance - b.distance ||
          Number(b.numberFirst) - Number(a.numberFirst),
      );
    }
    const best = candidates[0];
    for (let k = n.from; k < n.to; k++) taken.add(k);
    out.push(toCount(best, n, words, text, offset, quantities));
  }
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

function anyTaken(taken: Set<number>, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (taken.has(k)) return true;
  return false;
}

function toCount(c: Candidate, n: NumberReading, words: Word[], text: string, offset: number, quantities: QuantitySpan[]): FoundCount {
  const start = words[n.from].start;
  // "dozens of" reads as a count with its "of"; the count's text stops before it
  const last = words[n.to - 1].lower === 'of' && n.to - 1 > n.from ? n.to - 2 : n.to - 1;
  const end = words[last].end;
  let { value, min, max } = n;
  let qualifier = n.qualifier;
  const q = quantities.find((x) => x.start <= words[n.to - 1].start && x.end >= words[n.to - 1].end && x.value !== null);
  if (q && !n.vague) {
    value = q.min ?? q.value ?? value;
    min = q.min ?? min;
    max = q.max ?? max;
    qualifier = q.qualifier ?? qualifier;
  }
  // "including 5 children", "among them 3 women": a part of a count given elsewhere (read in place:
  // a sliced and mapped list is of another array kind when empty, which deoptimised this)
  let subset = false;
  for (let k = Math.max(0, n.from - 2); k < n.from; k++) {
    const lower = words[k].lower;
    if (lower === 'including' || lower === 'among') subset = true;
  }
  return {
    kind: c.entry.kind as CountKind,
    value,
    min,
    max,
    qualifier,
    start,
    end,
    text: text.slice(start - offset, end - offset),
    from: n.from,
    to: n.to,
    rule: c.entry,
    subset,
    vague: n.vague,
  };
}

/**
 * ACLED's fatality figure: the lowest reported (a range gives its minimum), subsets ignored, an
 * explicit "no casualties" 0, and 0 when the sentence reports none.
 */
export function fatalitiesOf(counts: FoundCount[]): number {
  let lowest = 0;
  let any = false;
  for (const c of counts) {
    if (c.kind !== 'fatalities' || c.subset || c.value === null) continue;
    const figure = c.min ?? c.value;
    lowest = any ? Math.min(lowest, figure) : figure;
    any = true;
  }
  return lowest;
}
