/** Single-label classification scores: accuracy, macro/micro/weighted F1, per label and confusion. */
export interface LabelScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationScores {
  n: number;
  accuracy: number;
  macroF1: number;
  microF1: number;
  weightedF1: number;
  byLabel: Record<string, LabelScore>;
  confusion: Record<string, Record<string, number>>;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export function scoreClassification(pairs: { gold: string; predicted: string }[], labels: string[]): ClassificationScores {
  const confusion: Record<string, Record<string, number>> = {};
  for (const { gold, predicted } of pairs) {
    confusion[gold] ??= {};
    confusion[gold][predicted] = (confusion[gold][predicted] ?? 0) + 1;
  }
  const byLabel: Record<string, LabelScore> = {};
  let macro = 0;
  let weighted = 0;
  let macroCount = 0;
  const all = [...new Set([...labels, ...pairs.map((p) => p.gold)])];
  for (const label of all) {
    const tp = pairs.filter((p) => p.gold === label && p.predicted === label).length;
    const predicted = pairs.filter((p) => p.predicted === label).length;
    const support = pairs.filter((p) => p.gold === label).length;
    if (!support && !predicted) continue;
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    byLabel[label] = { precision: round(precision), recall: round(recall), f1: round(f1), support };
    macro += f1;
    macroCount++;
    weighted += f1 * support;
  }
  const correct = pairs.filter((p) => p.gold === p.predicted).length;
  const n = pairs.length;
  return {
    n,
    accuracy: round(n ? correct / n : 0),
    macroF1: round(macroCount ? macro / macroCount : 0),
    // one label per item: micro F1 equals accuracy
    microF1: round(n ? correct / n : 0),
    weightedF1: round(n ? weighted / n : 0),
    byLabel,
    confusion,
  };
}
