/**
 * Ctrl-C during a long ingest: the first SIGINT lets the files in flight finish and be stored (the
 * store runs on this thread between files, so no file is cut in half, and the open write group is
 * committed when the run ends), the second stops the workers at once. Either way a re-run stores only what is missing: articles are
 * keyed by a content hash, so what was stored before comes back as unchanged, never twice.
 */
import type { PipelinePool, PoolArticle } from './pool.js';

export interface InterruptMessages {
  /** Printed on the first Ctrl-C. */
  stopping?: string;
  /** Printed on the second. */
  abandoning?: string;
}

/** Installs the handler; returns a function that removes it (call it when the run is over). */
export function stopPoolOnInterrupt(
  pool: Pick<PipelinePool<PoolArticle>, 'stop' | 'close'>,
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
  messages: InterruptMessages = {},
): () => void {
  let presses = 0;
  const onSignal = () => {
    presses += 1;
    if (presses === 1) {
      write(messages.stopping ?? 'sitrep: interrupted: finishing the files in progress (Ctrl-C again to stop at once)');
      pool.stop();
    } else {
      write(messages.abandoning ?? 'sitrep: stopping now; files in progress were not stored (run again to resume)');
      void pool.close();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
