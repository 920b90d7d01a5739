/**
 * Geoparsing scores as the literature prints them (Gritta et al. 2017, "What's missing in geographical
 * parsing?"): tagging precision/recall/F1 with a match when spans overlap, and over matched toponyms
 * acc161 (share within 161 km = 100 miles), mean and median error, and AUC of the sorted
 * log(1 + error km) curve normalised by log(20039), the largest distance on Earth (lower is better).
 */
export const MAX_ERROR_KM = 20039;

export interface ResolutionScores {
  n: number;
  acc161: number;
  meanKm: number;
  medianKm: number;
  auc: number;
}

export function resolutionScores(errorsKm: number[]): ResolutionScores {
  const n = errorsKm.length;
  if (!n) return { n: 0, acc161: 0, meanKm: 0, medianKm: 0, auc: 0 };
  const sorted = [...errorsKm].sort((a, b) => a - b);
  const logs = sorted.map((e) => Math.log(1 + e));
  // Trapezoid rule over unit steps, normalised so that all-maximal errors give 1.
  let area = 0;
  for (let i = 1; i < logs.length; i++) area += (logs[i - 1]! + logs[i]!) / 2;
  const auc = n === 1 ? logs[0]! / Math.log(MAX_ERROR_KM) : area / ((n - 1) * Math.log(MAX_ERROR_KM));
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    n,
    acc161: round(sorted.filter((e) => e <= 161).length / n),
    meanKm: round(sorted.reduce((s, e) => s + e, 0) / n, 1),
    medianKm: round(median, 1),
    auc: round(auc),
  };
}

export function taggingScores(tp: number, predicted: number, gold: number): { precision: number; recall: number; f1: number } {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
