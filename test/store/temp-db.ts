/** A fresh SQLite file per test, with a clock that ticks one second per call so timestamps order. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(prefix = 'sitrep-store-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function tickingClock(start = '2025-01-01T00:00:00.000Z'): () => string {
  let t = Date.parse(start);
  return () => {
    const value = new Date(t).toISOString();
    t += 1000;
    return value;
  };
}
