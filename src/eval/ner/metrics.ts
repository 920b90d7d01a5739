/**
 * Span-level precision, recall and F1 per type. Exact: same offsets and type. Relaxed: overlapping
 * offsets and same type. re3d holds nested and duplicated gold spans (several annotators): a prediction
 * is correct when it matches any gold span, a gold span is found when any prediction matches it. A
 * gold span annotated with two types counts once, as found when either type is predicted.
 */
export interface Labelled {
  start: number;
  end: number;
  type: string;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  predicted: number;
  gold: number;
}

interface Tally {
  tpPredicted: number;
  predicted: number;
  found: number;
  gold: number;
}

type Match = (a: Labelled, b: Labelled) => boolean;
const exactMatch: Match = (a, b) => a.start === b.start && a.end === b.end;
const overlapMatch: Match = (a, b) => a.start < b.end && b.start < a.end;

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function score(t: Tally): Score {
  const precision = t.predicted ? t.tpPredicted / t.predicted : 0;
  const recall = t.gold ? t.found / t.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: round(precision), recall: round(recall), f1: round(f1), predicted: t.predicted, gold: t.gold };
}

export class SpanScorer {
  private readonly exact = new Map<string, Tally>();
  private readonly relaxed = new Map<string, Tally>();

  constructor(private readonly types: readonly string[]) {
    for (const type of types) {
      this.exact.set(type, { tpPredicted: 0, predicted: 0, found: 0, gold: 0 });
      this.relaxed.set(type, { tpPredicted: 0, predicted: 0, found: 0, gold: 0 });
    }
  }

  /** Scores one document; gold spans of types outside `types` are ignored. */
  add(gold: Labelled[], predicted: Labelled[]): void {
    const scored = gold.filter((g) => this.types.includes(g.type));
    const groups = new Map<string, Labelled[]>();
    for (const g of scored) {
      const key = `${g.start}:${g.end}`;
      const group = groups.get(key) ?? [];
      if (!group.some((x) => x.type === g.type)) group.push(g);
      groups.set(key, group);
    }
    for (const [tallies, match] of [
      [this.exact, exactMatch],
      [this.relaxed, overlapMatch],
    ] as const) {
      for (const p of predicted) {
        const t = tallies.get(p.type);
        if (!t) continue;
        t.predicted++;
        if (scored.some((g) => g.type === p.type && match(g, p))) t.tpPredicted++;
      }
      for (const group of groups.values()) {
        const hit = group.find((g) => predicted.some((p) => p.type === g.type && match(g, p)));
        const counted = hit ?? group[0];
        const t = tallies.get(counted.type)!;
        t.gold++;
        if (hit) t.found++;
      }
    }
  }

  private report(tallies: Map<string, Tally>): { micro: Score; byType: Record<string, Score> } {
    const total: Tally = { tpPredicted: 0, predicted: 0, found: 0, gold: 0 };
    const byType: Record<string, Score> = {};
    for (const [type, t] of tallies) {
      byType[type] = score(t);
      total.tpPredicted += t.tpPredicted;
      total.predicted += t.predicted;
      total.found += t.found;
      total.gold += t.gold;
    }
    return { micro: score(total), byType };
  }

  result(): { exact: ReturnType<SpanScorer['report']>; relaxed: ReturnType<SpanScorer['report']> } {
    return { exact: this.report(this.exact), relaxed: this.report(this.relaxed) };
  }
}
