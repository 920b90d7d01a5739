/** What each benchmark phase (run in its own process, so peak RSS is its own) reports back. */
import { readFileSync } from 'node:fs';
export interface PhaseInput {
  files: string[];
  /** Worker threads of the parallel phase (extract --workers). */
  workers: number;
  /** Pipeline workers of the ingest phase, besides the storing thread (sitrep ingest's default). */
  ingestWorkers: number;
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

/**
 * CPU time of the calling thread in ms (Linux /proc, 10 ms ticks), or null elsewhere. Wall time on a
 * shared 2-core machine mostly measures the other processes; this measures what the thread used.
 */
export function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command name (which may contain spaces), 1-based: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
