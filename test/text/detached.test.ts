/**
 * Memo keys cut out of articles must not keep the articles alive (src/text/detached.ts). Each case cuts
 * a name out of 60 distinct dispatches of about 256 KB and keeps only the names: plain slices pin all
 * 15 MB of dispatches, detached copies a few kilobytes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detached } from '../../src/text/detached.js';
import { TextMemo } from '../../src/text/text-memo.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const DISPATCH =
  'QAMISHLI, Syria: Kurdish-led forces said on Tuesday they had pushed Islamic State fighters out of ' +
  'Baghouz after a week of clashes, according to a spokesman of the Syrian Democratic Forces. ';

/** The names kept from `count` dispatches, each dispatch a fresh string of ~256 KB. */
function keptNames(count: number, keep: (name: string) => string): string[] {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const dispatch = `${i} ${DISPATCH.repeat(1400)}`;
    const from = dispatch.indexOf('Syrian Democratic Forces');
    names.push(keep(dispatch.slice(from, from + 'Syrian Democratic Forces'.length)));
  }
  return names;
}

function heapGrowthMb(keep: (name: string) => string): { names: string[]; mb: number } {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const names = keptNames(60, keep);
  collectGarbage();
  return { names, mb: (process.memoryUsage().heapUsed - before) / 1024 / 1024 };
}

test('a detached name equals the slice it was made from, long or short', () => {
  const text = 'Fighters of Hayat Tahrir al-Sham shelled Idlib on Monday.';
  assert.equal(detached(text.slice(12, 32)), 'Hayat Tahrir al-Sham');
  assert.equal(detached(text.slice(41, 46)), 'Idlib');
  assert.equal(detached(''), '');
});

test('plain slices keep their dispatches alive, detached ones do not', () => {
  const pinned = heapGrowthMb((name) => name);
  const freed = heapGrowthMb(detached);
  assert.equal(pinned.names.length, 60);
  assert.ok(pinned.names.every((name) => name === 'Syrian Democratic Forces'));
  assert.ok(freed.names.every((name) => name === 'Syrian Democratic Forces'));
  // The control shows what the test measures: 60 pinned dispatches are some 15 MB (one byte a character).
  assert.ok(pinned.mb > 8, `plain slices pinned only ${pinned.mb.toFixed(1)} MB`);
  assert.ok(freed.mb < 1, `detached names still held ${freed.mb.toFixed(1)} MB`);
});

test('a text memo answers what it was told, restarts when full, and pins no dispatch', () => {
  const memo = new TextMemo<number>(3);
  memo.set('Aleppo', 1);
  memo.set('Idlib', 2);
  assert.equal(memo.get('Aleppo'), 1);
  memo.set('Hama', 3);
  memo.set('Homs', 4);
  assert.equal(memo.get('Aleppo'), undefined, 'full at three: started afresh');
  assert.equal(memo.get('Homs'), 4);
  // Distinct keys (a Map keeps the first key object of equal texts): each dispatch's opening words.
  const names = new TextMemo<boolean>(1000);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 60; i++) names.set(`${i} ${DISPATCH.repeat(1400)}`.slice(0, 30), true);
  collectGarbage();
  const held = { mb: (process.memoryUsage().heapUsed - before) / 1024 / 1024 };
  assert.equal(names.get(`7 ${DISPATCH}`.slice(0, 30)), true);
  assert.ok(held.mb < 1, `the memo still held ${held.mb.toFixed(1)} MB`);
});
