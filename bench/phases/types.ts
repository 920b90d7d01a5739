/** What each benchmark phase (run in its own process, so peak RSS is its own) reports back. */
export interface PhaseInput {
  files: string[];
  workers: number;
  profile: boolean;
}

export interface PhaseReport {
  phase: string;
  articles: number;
  bytes: number;
  /** Wall time of the measured part. */
  ms: number;
  peakRssMb: number;
  /** Milliseconds per stage name (read = readers and segmenter) over the phase. */
  stageMs?: Record<string, number>;
  failed?: number;
  firstFailure?: string;
  startupMs?: number;
  extra?: Record<string, unknown>;
  profile?: import('../profile.js').ProfileSummary;
}

export function peakRssMb(): number {
  // maxRSS is in kilobytes, and covers every thread of the process (workers included).
  return process.resourceUsage().maxRSS / 1024;
}
