/**
 * The gazetteer cache is written atomically: processes that build it at the same time both finish
 * with the same index, a reader polling the folder meanwhile never sees half a file, and no
 * temporary file is left behind. Runs in a private cache folder (SITREP_GAZETTEER_CACHE).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cacheDir = mkdtempSync(join(tmpdir(), 'sitrep-gazetteer-cache-'));
const env = { ...process.env, SITREP_GAZETTEER_CACHE: cacheDir };

function runNode(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const BUILD = `
  import { loadGazetteer } from './src/places/gazetteer.ts';
  const g = loadGazetteer({ extraFiles: [], noImports: true });
  console.log(g.size, g.match('Aleppo').length);`;

// Reads every finished cache file it sees until the builders are done: each must be whole (it
// unpacks: right format, and exactly as long as its header says).
const READER = `
  import { readdirSync, readFileSync, existsSync } from 'node:fs';
  import { join } from 'node:path';
  import { unpackIndex } from './src/places/gazetteer-packed.ts';
  const dir = ${JSON.stringify(cacheDir)};
  let whole = 0, broken = 0;
  const until = Date.now() + 120000;
  while (Date.now() < until && !existsSync(join(dir, 'done'))) {
    for (const f of existsSync(dir) ? readdirSync(dir) : []) {
      if (!/^index-.*\\.bin$/.test(f)) continue;
      let bytes;
      try { bytes = readFileSync(join(dir, f)); } catch { continue; }
      const packed = unpackIndex(bytes);
      if (packed && packed.count > 0 && packed.lat.length === packed.count) whole++; else broken++;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  console.log(JSON.stringify({ whole, broken }));`;

test('two processes building the cache at once agree, and a reader never sees half a file', async () => {
  const reader = runNode(READER);
  const builders = await Promise.all([runNode(BUILD), runNode(BUILD)]);
  for (const b of builders) assert.equal(b.code, 0, b.stderr);
  const outputs = new Set(builders.map((b) => b.stdout.trim()));
  assert.equal(outputs.size, 1, [...outputs].join(' | '));
  // One more process after them reads the finished cache and gets the same index.
  const after = await runNode(BUILD);
  assert.equal(after.stdout.trim(), [...outputs][0]);
  (await import('node:fs')).writeFileSync(join(cacheDir, 'done'), '');
  const seen = JSON.parse((await reader).stdout) as { whole: number; broken: number };
  assert.equal(seen.broken, 0);
  assert.ok(seen.whole > 0);
  const files = readdirSync(cacheDir);
  assert.deepEqual(files.filter((f) => f.endsWith('.tmp')), []);
  const caches = files.filter((f) => /^index-bundled-.*\.bin$/.test(f));
  assert.equal(caches.length, 1);
  assert.ok(readFileSync(join(cacheDir, caches[0]!)).length > 1_000_000);
});

test('two versions sharing a cache folder keep each other\'s index; older versions beyond them are removed', async () => {
  // As two checkouts (or a global and a local install) sharing one folder: each has its own
  // fingerprint. Removing every other version made them rebuild in turn at every start.
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-gazetteer-versions-'));
  const saved = process.env.SITREP_GAZETTEER_CACHE;
  process.env.SITREP_GAZETTEER_CACHE = dir;
  try {
    const { writeCachedIndex } = await import('../../src/places/gazetteer-cache.js');
    const { utimesSync } = await import('node:fs');
    const packed = { bytes: new Uint8Array([1, 2, 3]) } as unknown as Parameters<typeof writeCachedIndex>[2];
    const names = (prints: string[]) => prints.map((p) => `index-full-${p}.bin`).sort();
    // Four versions written a minute apart, oldest first.
    ['aaaa', 'bbbb', 'cccc', 'dddd'].forEach((print, i) => {
      writeCachedIndex('full', print, packed);
      const at = new Date(Date.UTC(2026, 0, 1, 12, i));
      utimesSync(join(dir, `index-full-${print}.bin`), at, at);
    });
    assert.deepEqual(readdirSync(dir).sort(), names(['bbbb', 'cccc', 'dddd']), 'the newest other two are kept');
    // The first checkout starts again: its index is written back, and the versions in use stay.
    writeCachedIndex('full', 'cccc', packed);
    assert.deepEqual(readdirSync(dir).sort(), names(['bbbb', 'cccc', 'dddd']));
    writeCachedIndex('bundled', 'eeee', packed);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('index-full-')).sort(), names(['bbbb', 'cccc', 'dddd']), 'another variant leaves these alone');
  } finally {
    if (saved === undefined) delete process.env.SITREP_GAZETTEER_CACHE;
    else process.env.SITREP_GAZETTEER_CACHE = saved;
  }
});
