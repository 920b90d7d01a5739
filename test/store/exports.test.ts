import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/index.js';
import { exportEvents } from '../../src/store/export/index.js';
import { ACLED_COLUMNS, csvField } from '../../src/store/export/csv.js';
import { allArticles, arihaMonitor, arihaStateMedia, foldReports } from '../fixtures/store/articles.js';
import { buildArticle } from '../fixtures/store/build-article.js';
import { tempDir, tickingClock } from './temp-db.js';

/** RFC 4180 reader, enough to check our own output round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  return rows;
}

function exported(articles = allArticles, format: 'csv' | 'geojson' | 'jsonl' = 'csv', since?: (now: () => string) => string) {
  const { dir, cleanup } = tempDir();
  const now = tickingClock();
  const store = openSqliteStore(join(dir, 'x.db'), { now });
  let checkpoint: string | undefined;
  for (const [i, article] of articles.entries()) {
    if (since && i === articles.length - 1) checkpoint = since(now);
    store.storeArticles([article]);
  }
  let out = '';
  exportEvents(store, format, (chunk) => (out += chunk), checkpoint);
  store.close();
  cleanup();
  return out;
}

test('CSV uses ACLED column names; the merged Ariha strike is one row with both sources and both tolls', () => {
  const rows = parseCsv(exported());
  assert.deepEqual(rows[0], [...ACLED_COLUMNS]);
  assert.equal(rows.length, 1 + 5);
  const records = rows.slice(1).map((r) => Object.fromEntries(rows[0].map((c, i) => [c, r[i]])));
  const ariha = records.find((r) => r.location === 'Ariha')!;
  assert.equal(ariha.event_date, '2024-03-11');
  assert.equal(ariha.year, '2024');
  assert.equal(ariha.time_precision, '1');
  assert.equal(ariha.disorder_type, 'Political violence');
  assert.equal(ariha.event_type, 'Explosions/Remote violence');
  assert.equal(ariha.sub_event_type, 'Air/drone strike');
  assert.equal(ariha.country, 'Syria');
  assert.equal(ariha.iso, '760');
  assert.equal(ariha.admin1, 'Idlib');
  assert.equal(ariha.latitude, '35.8128');
  assert.equal(ariha.fatalities, '12');
  assert.equal(ariha.civilian_targeting, 'Civilian targeting');
  assert.deepEqual(ariha.source.split('; ').sort(), ['SOHR', 'state media']);
  assert.match(ariha.notes, /\[SOHR: 24 killed; state media: 12 killed\]$/);
  const protest = records.find((r) => r.location === 'Qamishli')!;
  assert.equal(protest.disorder_type, 'Demonstrations');
  assert.equal(protest.fatalities, '0');
});

test("CSV: sitrep's Displacement exports as ACLED's Strategic developments / Other", () => {
  const fled = buildArticle({
    title: 'Thousands flee Tawila clashes',
    published: '2024-03-20',
    text: 'About 4,000 people fled Tawila on Tuesday after two days of fighting, an aid group said.',
    events: [
      {
        type: 'Displacement',
        subType: 'Displacement',
        evidence: 'About 4,000 people fled Tawila on Tuesday after two days of fighting, an aid group said.',
        date: '2024-03-19',
        place: { mention: 'Tawila', name: 'Tawila', lat: 13.5, lon: 24.85, countryCode: 'SD', admin1: 'North Darfur' },
        counts: [{ text: '4,000 people', kind: 'displaced', value: 4000 }],
        attribution: 'an aid group',
      },
    ],
  });
  const rows = parseCsv(exported([fled]));
  const record = Object.fromEntries(rows[0].map((c, i) => [c, rows[1][i]]));
  assert.deepEqual([record.disorder_type, record.event_type, record.sub_event_type], ['Strategic developments', 'Strategic developments', 'Other']);
  assert.equal(record.fatalities, '0');
  assert.equal(record.country, 'Sudan');
});

test('CSV fields: commas and quotes are quoted, formula-like text is defused, numbers untouched', () => {
  assert.equal(csvField('Baghouz, Deir ez-Zor'), '"Baghouz, Deir ez-Zor"');
  assert.equal(csvField('the "terrorist groups"'), '"the ""terrorist groups"""');
  assert.equal(csvField('=HYPERLINK("http://x.test")'), `"'=HYPERLINK(""http://x.test"")"`);
  assert.equal(csvField(-12.5, true), '-12.5');
  assert.equal(csvField(null), '');
});

test('CSV --since lists the changed event and the folded-away one as deleted', () => {
  const rows = parseCsv(exported(foldReports, 'csv', (now) => now()));
  const header = rows[0];
  assert.deepEqual(header.slice(-2), ['sitrep_status', 'merged_into']);
  const status = rows.slice(1).map((r) => [r[header.indexOf('sitrep_status')], r[header.indexOf('merged_into')] !== '']);
  assert.deepEqual(status, [['changed', false], ['deleted', true]]);
});

test('GeoJSON: points in lon/lat order with fatality range; --since carries the deleted ids', () => {
  const collection = JSON.parse(exported([arihaMonitor, arihaStateMedia], 'geojson'));
  assert.equal(collection.type, 'FeatureCollection');
  assert.equal(collection.features.length, 1);
  const [feature] = collection.features;
  assert.deepEqual(feature.geometry, { type: 'Point', coordinates: [36.6083, 35.8128] });
  assert.deepEqual([feature.properties.fatalitiesMin, feature.properties.fatalitiesMax], [12, 24]);
  assert.equal(feature.properties.sourceCount, 2);
  const changes = JSON.parse(exported(foldReports, 'geojson', (now) => now()));
  assert.equal(changes.features.length, 1);
  assert.equal(changes.deleted.length, 1);
  assert.equal(changes.deleted[0].mergedInto, changes.features[0].id);
});

test('JSONL: one event a line, tombstones after the changes', () => {
  const lines = exported(foldReports, 'jsonl', (now) => now()).trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.equal(lines[0].articleIds.length, 3);
  assert.deepEqual(Object.keys(lines[1]).sort(), ['deleted', 'deletedAt', 'id', 'mergedInto']);
  assert.equal(lines[1].mergedInto, lines[0].id);
});
