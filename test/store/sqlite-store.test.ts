import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Article } from '../../src/model/types.js';
import { isPackedArticle, openSqliteStore, packArticle, StoreError, InvalidQueryError } from '../../src/store/index.js';
import { migrate, migrations, SCHEMA_VERSION } from '../../src/store/sqlite/migrations.js';
import {
  allArticles,
  arihaMonitor,
  arihaStateMedia,
  atarib,
  baghouzBattle,
  districtReports,
  elFasherShelling,
  foldReports,
  qamishliProtest,
  ARIHA,
  BAGHOUZ,
} from '../fixtures/store/articles.js';
import { report } from '../fixtures/store/build-article.js';
import { tempDir, tickingClock } from './temp-db.js';

function withStore(fn: (path: string, clock: () => string) => void) {
  const { dir, cleanup } = tempDir();
  try {
    fn(join(dir, 'events.db'), tickingClock());
  } finally {
    cleanup();
  }
}

test('two reports of the Ariha strike become one event with both sources; Atarib stays apart', () => {
  withStore((path, now) => {
    const store = openSqliteStore(path, { now });
    for (const article of allArticles) store.storeArticles([article]);
    const stats = store.stats();
    assert.equal(stats.articles, 6);
    assert.equal(stats.mentions, 6);
    assert.equal(stats.events, 5);
    const ariha = store.getArticle(arihaMonitor.id)!.eventIds[0];
    assert.equal(store.getArticle(arihaStateMedia.id)!.eventIds[0], ariha);
    assert.notEqual(store.getArticle(atarib.id)!.eventIds[0], ariha);
    const event = store.getEvent(ariha)!;
    assert.equal(event.sources.length, 2);
    assert.deepEqual([event.fatalities, event.fatalitiesMin, event.fatalitiesMax], [12, 12, 24]);
    assert.deepEqual(event.claims.filter((c) => c.kind === 'fatalities').map((c) => c.source).sort(), ['SOHR', 'state media']);
    store.close();
  });
});

test('re-ingesting the same articles changes nothing: same ids, same timestamps, no new rows', () => {
  withStore((path, now) => {
    const store = openSqliteStore(path, { now });
    store.storeArticles(allArticles);
    const before = [...store.allEvents()];
    const statsBefore = store.stats();
    const again = store.storeArticles(allArticles);
    assert.ok(again.articles.every((a) => a.status === 'unchanged'));
    assert.equal(again.created + again.joined + again.folded, 0);
    assert.deepEqual([...store.allEvents()], before);
    assert.deepEqual(store.stats(), statsBefore);
    store.close();
    // and across processes: reopening the file and ingesting again is still a no-op
    const reopened = openSqliteStore(path, { now });
    reopened.storeArticles([arihaMonitor]);
    assert.deepEqual([...reopened.allEvents()], before);
    reopened.close();
  });
});

test('every field of a source is traced to its words: evidence, place, counts, actor, date', () => {
  withStore((path, now) => {
    const store = openSqliteStore(path, { now });
    store.storeArticles([arihaMonitor]);
    const event = store.getEvent(store.getArticle(arihaMonitor.id)!.eventIds[0])!;
    const spans = event.sources[0].spans;
    const byField = (field: string) => spans.filter((s) => s.field === field).map((s) => s.text);
    assert.equal(byField('evidence')[0], arihaMonitor.events[0].evidence.text);
    assert.deepEqual(byField('location'), ['Ariha']);
    assert.deepEqual(byField('count'), ['24 people']);
    assert.deepEqual(byField('date'), ['Monday']);
    for (const span of spans) assert.equal(arihaMonitor.text.slice(span.start, span.end), span.text);
    store.close();
  });
});

test('a report that bridges two events folds the newer into the older, and the fold is recorded', () => {
  withStore((path, now) => {
    const store = openSqliteStore(path, { now });
    const [actorsOnly, placeOnly, both] = foldReports;
    store.storeArticles([actorsOnly]);
    store.storeArticles([placeOnly]);
    const older = store.getArticle(actorsOnly.id)!.eventIds[0];
    const newer = store.getArticle(placeOnly.id)!.eventIds[0];
    assert.notEqual(older, newer, 'actors-only and place-only reports do not match each other');
    const checkpoint = now();
    const result = store.storeArticles([both]);
    assert.deepEqual([result.created, result.joined, result.folded], [0, 1, 1]);
    for (const article of foldReports) assert.equal(store.getArticle(article.id)!.eventIds[0], older);
    assert.equal(store.getEvent(newer), null);
    assert.deepEqual(store.resolveEventId(newer), { id: older, via: [newer] });
    const event = store.getEvent(older)!;
    assert.deepEqual(event.mergedFrom, [newer]);
    assert.equal(event.location?.name, 'Baghouz');
    assert.equal(event.sources.length, 3);

    const history = store.mergeHistory(older);
    assert.deepEqual(history.map((h) => h.kind), ['create', 'create', 'join', 'fold']);
    const fold = history[3];
    assert.equal(fold.fromId, newer);
    assert.ok(fold.checks.some((c) => c.criterion === 'location' && c.outcome === 'match'));
    const secondCreate = history[1];
    assert.ok(secondCreate.rejected.some((r) => r.eventId === older), 'the create records why it did not join');

    const changes = store.changesSince(checkpoint);
    assert.deepEqual(changes.changed.map((e) => e.id), [older]);
    assert.deepEqual(changes.deleted.map((d) => [d.id, d.mergedInto]), [[newer, older]]);
    store.close();
  });
});

test('the survivor of a fold is the event stored first, however the reports were grouped into calls', () => {
  // Stored in one call, both events share one timestamp: a tie decided by time (then by id) picked
  // whichever id sorted first, so the same reports gave other events when ingested in other groups.
  const [actorsOnly, placeOnly, both] = foldReports;
  for (const order of [[actorsOnly, placeOnly], [placeOnly, actorsOnly]]) {
    const survivors: string[] = [];
    for (const grouping of ['one call', 'a call each']) {
      withStore((path, now) => {
        const store = openSqliteStore(path, { now });
        const reports = [...order, both];
        if (grouping === 'one call') store.storeArticles(reports);
        else for (const article of reports) store.storeArticles([article]);
        const first = store.getArticle(order[0].id)!.eventIds[0];
        assert.equal(store.stats().events, 1, `${grouping}: the bridge folds the two events`);
        for (const article of reports) assert.equal(store.getArticle(article.id)!.eventIds[0], first, `${grouping}: every report ends in the first-stored event`);
        survivors.push(first);
        store.close();
      });
    }
    assert.equal(survivors[0], survivors[1]);
  }
});
test('two reports 29 km apart in the same district (admin2) are one event; without admin2 they are two', () => {
  withStore((path, now) => {
    const store = openSqliteStore(path, { now });
    for (const article of districtReports) store.storeArticles([article]);
    const [first, second] = districtReports.map((a) => store.getArticle(a.id)!.eventIds[0]);
    assert.equal(second, first);
    const event = store.getEvent(first)!;
    assert.equal(event.sources.length, 2);
    assert.equal(event.location?.admin2, 'SY0702', 'the district is kept on the merged event');
    const join = store.mergeHistory(first).find((h) => h.kind === 'join')!;
    const location = join.checks.find((c) => c.criterion === 'location')!;
    assert.equal(location.outcome, 'match');
    assert.match(location.detail, /29\.\d km apart but in the same district \(admin2 SY0702 of Idlib, SY\)/);
    store.close();
  });
  withStore((path, now) => {
    // The same reports with bundled-gazetteer places, which carry no admin2.
    const store = openSqliteStore(path, { now });
    const bundled = districtReports.map((a) => ({ ...a, events: a.events.map((e) => ({ ...e, location: { ...e.location!, admin2: undefined } })) }));
    for (const article of bundled) store.storeArticles([article]);
    const [first, second] = bundled.map((a) => store.getArticle(a.id)!.eventIds[0]);
    assert.notEqual(second, first);
    store.close();
  });
});

test('export --since: only events touched after the checkpoint', () => {
  withStore((path, now) => {
    const store = openSqliteStore(path, { now });
    store.storeArticles([arihaMonitor, baghouzBattle]);
    const checkpoint = now();
    store.storeArticles([arihaStateMedia]);
    store.storeArticles([elFasherShelling]);
    const changes = store.changesSince(checkpoint);
    const ariha = store.getArticle(arihaMonitor.id)!.eventIds[0];
    const fasher = store.getArticle(elFasherShelling.id)!.eventIds[0];
    assert.deepEqual(changes.changed.map((e) => e.id).sort(), [ariha, fasher].sort());
    assert.deepEqual(changes.deleted, []);
    const event = changes.changed.find((e) => e.id === ariha)!;
    assert.ok(event.updated > event.created);
    store.close();
  });
});

test('queries: type, country, actor, bbox, words, dates, and keyset pages', () => {
  withStore((path, now) => {
    const store = openSqliteStore(path, { now });
    store.storeArticles(allArticles);
    const ids = (q: Parameters<typeof store.queryEvents>[0]) => store.queryEvents(q).events.map((e) => e.location?.name);
    assert.deepEqual(ids({ limit: 50, type: ['Battles', 'Protests'] }).sort(), ['Baghouz', 'Qamishli']);
    assert.deepEqual(ids({ limit: 50, country: 'sd' }), ['El Fasher']);
    assert.deepEqual(ids({ limit: 50, actor: 'rapid support' }), ['El Fasher']);
    // north-west Syria only
    assert.deepEqual(ids({ limit: 50, bbox: [36, 35.5, 37, 36.5] }).sort(), ['Ariha', 'Atarib']);
    // words from the evidence and from the article body (prefix match), quotes and dashes are harmless
    assert.deepEqual(ids({ limit: 50, q: 'bakery' }), ['Atarib']);
    assert.deepEqual(ids({ limit: 50, q: 'rubble' }), ['Ariha']);
    assert.deepEqual(ids({ limit: 50, q: '"vegetab -market' }), ['Ariha']);
    assert.deepEqual(ids({ limit: 50, from: '2024-03-11', to: '2024-03-11' }).sort(), ['Ariha', 'Atarib']);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = store.queryEvents({ limit: 2, cursor });
      assert.equal(page.total, 5);
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    assert.equal(pages, 3);
    assert.equal(new Set(seen).size, 5);
    const dates = seen.map((id) => store.getEvent(id)!.date!);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.throws(() => store.queryEvents({ limit: 2, cursor: 'not-a-cursor' }), InvalidQueryError);
    store.close();
  });
});

test('the schema is versioned: reopening applies nothing twice; a newer schema is refused', () => {
  withStore((path, now) => {
    openSqliteStore(path, { now }).close();
    openSqliteStore(path, { now }).close();
    const db = new Database(path);
    const versions = db.prepare('SELECT version FROM schema_migrations').pluck().all();
    assert.deepEqual(versions, migrations.map((m) => m.version));
    db.prepare("INSERT INTO schema_migrations VALUES (?, 'from the future', 'x')").run(SCHEMA_VERSION + 1);
    db.close();
    assert.throws(() => openSqliteStore(path), (e: Error) => e instanceof StoreError && /newer than this sitrep knows/.test(e.message));
  });
});

test('a database written at schema 1 is migrated in place: events keep their ids and gain the new column', () => {
  withStore((path, now) => {
    const v1 = new Database(path);
    migrate(v1, now(), migrations.slice(0, 1));
    v1.close();
    writeArticleAtSchema1(path, now);
    const db = new Database(path);
    assert.deepEqual(db.prepare('SELECT version FROM schema_migrations').pluck().all(), [1]);
    db.close();
    const store = openSqliteStore(path, { now });
    const event = store.getArticle(arihaMonitor.id)!.eventIds[0];
    store.storeArticles([arihaStateMedia]);
    assert.equal(store.getArticle(arihaStateMedia.id)!.eventIds[0], event, 'merging works on migrated rows');
    store.close();
    const check = new Database(path);
    assert.deepEqual(JSON.parse(check.prepare('SELECT article_ids FROM events WHERE id = ?').pluck().get(event) as string).sort(), [arihaMonitor.id, arihaStateMedia.id].sort());
    // Migration 3: the admin2 column. Migration 4: merge candidates read through two partial indexes
    // (single days; ranges, months and years), which replace migration 3's one index.
    assert.ok((check.prepare('PRAGMA table_info(events)').all() as { name: string }[]).some((c) => c.name === 'admin2'));
    const indexes = check.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'").pluck().all();
    assert.ok(indexes.includes('events_merge_days') && indexes.includes('events_merge_ranges'));
    assert.ok(!indexes.includes('events_merge_candidates'));
    assert.ok(!indexes.includes('events_type_date') && !indexes.includes('events_type_end'));
    check.close();
  });
});

/** Writes one article and its event the way schema 1 stored them (no article_ids column). */
function writeArticleAtSchema1(path: string, now: () => string): void {
  const db = new Database(path);
  const at = now();
  db.prepare(`INSERT INTO articles (id, title, published, url, dateline, source_path, text, doc, ingested)
    VALUES (?, ?, ?, ?, NULL, 'fixture', ?, ?, ?)`).run(arihaMonitor.id, arihaMonitor.title, arihaMonitor.published, arihaMonitor.url, arihaMonitor.text, JSON.stringify(arihaMonitor), at);
  const summary = { ...arihaMonitor.events[0], fatalitiesMin: 24, fatalitiesMax: 24, claims: [], evidence: arihaMonitor.events[0].evidence.text, sourceNames: ['SOHR'], articleIds: [arihaMonitor.id], mentionIds: [`${arihaMonitor.id}#0`] };
  const e = arihaMonitor.events[0];
  db.prepare(`INSERT INTO events (id, type, sub_type, date, date_end, date_precision, actor1, actor2, location_name, lat, lon, country, admin1,
    geo_precision, fatalities, source_count, summary, created, updated) VALUES ('ev_00000000000000a1', ?, ?, ?, NULL, 1, ?, ?, ?, ?, ?, ?, ?, 1, 24, 1, ?, ?, ?)`)
    .run(e.type, e.subType, e.date, e.actor1, e.actor2, e.location!.name, e.location!.lat, e.location!.lon, e.location!.countryCode, e.location!.admin1, JSON.stringify(summary), at, at);
  const mention = { ...e, id: `${arihaMonitor.id}#0`, articleId: arihaMonitor.id, index: 0, publisher: 'example-wire.test', published: arihaMonitor.published };
  db.prepare(`INSERT INTO mentions (id, article_id, idx, event_id, evidence, data) VALUES (?, ?, 0, 'ev_00000000000000a1', ?, ?)`).run(mention.id, arihaMonitor.id, e.evidence.text, JSON.stringify(mention));
  db.close();
}

test('a file that is not a database is reported by name', () => {
  withStore((path) => {
    writeFileSync(path, 'this is a CSV, not a database\n'.repeat(200));
    assert.throws(
      () => openSqliteStore(path),
      (e: Error) => e instanceof StoreError && e.message.startsWith(path) && /not a database/.test(e.message),
    );
  });
});

test('the protest report with a script tag is stored verbatim (escaping is the renderer\'s job)', () => {
  withStore((path, now) => {
    const store = openSqliteStore(path, { now });
    store.storeArticles([qamishliProtest]);
    assert.match(store.getArticle(qamishliProtest.id)!.text, /<script>window.__pwned = 1<\/script>/);
    store.close();
  });
});

test('merging is deterministic: the same articles in the same order give the same events and ids', () => {
  const build = () => {
    const { dir, cleanup } = tempDir();
    const store = openSqliteStore(join(dir, 'run.db'));
    for (const article of [...allArticles, ...foldReports]) store.storeArticles([article]);
    const events = [...store.allEvents()].map((e) => ({ id: e.id, articles: [...e.articleIds].sort(), summary: { ...e, created: '', updated: '' } }));
    store.close();
    cleanup();
    return events;
  };
  assert.deepEqual(build(), build());
});

test('merge candidates are found whatever the date form: day, month, range, day near a year-only date', () => {
  const dated = (article: Article, suffix: string, date: string, dateEnd: string | null, datePrecision: 1 | 2 | 3): Article => ({
    ...article,
    id: `${article.id}-${suffix}`,
    events: article.events.map((e) => ({ ...e, date, dateEnd, datePrecision })),
  });
  // Stored first / second: each pair reads the other through a different part of the candidate query.
  const pairs: [string, Article, Article][] = [
    ['day then day', dated(arihaMonitor, 'a', '2024-03-11', null, 1), dated(arihaStateMedia, 'a', '2024-03-12', null, 1)],
    ['month then day', dated(arihaMonitor, 'b', '2024-03', null, 3), dated(arihaStateMedia, 'b', '2024-03-20', null, 1)],
    ['range then day', dated(arihaMonitor, 'c', '2024-03-01', '2024-03-09', 2), dated(arihaStateMedia, 'c', '2024-03-11', null, 1)],
    ['day then month', dated(arihaMonitor, 'd', '2024-03-28', null, 1), dated(arihaStateMedia, 'd', '2024-04', null, 3)],
    ['week day then day', dated(arihaMonitor, 'e', '2024-03-05', null, 2), dated(arihaStateMedia, 'e', '2024-03-11', null, 1)],
    ['year then January day', dated(arihaMonitor, 'f', '2024', null, 3), dated(arihaStateMedia, 'f', '2024-01-10', null, 1)],
  ];
  for (const [name, first, second] of pairs) {
    for (const mirrorCandidates of [true, false]) {
      withStore((path, now) => {
        const store = openSqliteStore(path, { now, mirrorCandidates });
        store.storeArticles([first]);
        store.storeArticles([second]);
        assert.equal(store.getArticle(second.id)!.eventIds[0], store.getArticle(first.id)!.eventIds[0], `${name}, mirror ${mirrorCandidates}`);
        store.close();
      });
    }
  }
  withStore((path, now) => {
    // Too far apart for a day-precise pair: two events.
    const store = openSqliteStore(path, { now });
    const [first, second] = [dated(arihaMonitor, 'g', '2024-03-01', null, 1), dated(arihaStateMedia, 'g', '2024-03-11', null, 1)];
    store.storeArticles([first]);
    store.storeArticles([second]);
    assert.notEqual(store.getArticle(second.id)!.eventIds[0], store.getArticle(first.id)!.eventIds[0]);
    store.close();
  });
});

test('an article packed by a worker (packArticle) is stored exactly as the whole article is', () => {
  const stored = (pack: boolean) => {
    let result: unknown;
    withStore((path, now) => {
      const store = openSqliteStore(path, { now });
      store.storeArticles([arihaMonitor].map((a) => (pack ? packArticle(a) : a)));
      // Packing again on re-ingest changes nothing: the article is recognised by its id.
      const again = store.storeArticles([pack ? packArticle(arihaMonitor) : arihaMonitor]);
      assert.equal(again.articles[0].status, 'unchanged');
      result = { article: store.getArticle(arihaMonitor.id), events: [...store.allEvents()] };
      store.close();
    });
    return result;
  };
  const packed = packArticle(arihaMonitor);
  assert.ok(isPackedArticle(packed) && !isPackedArticle(arihaMonitor));
  assert.deepEqual(structuredClone(packed), packed, 'survives the trip from a worker');
  assert.deepEqual(stored(true), stored(false));
});

test('a stored article comes back as it went in: its events rebuilt from their mentions, in place, with their ids', () => {
  withStore((path, now) => {
    const store = openSqliteStore(path, { now });
    for (const article of allArticles) store.storeArticles([packArticle(article)]);
    const check = (original: Article) => {
      const { ingested: _ingested, eventIds: _eventIds, ...article } = store.getArticle(original.id)!;
      assert.deepEqual(article, JSON.parse(JSON.stringify(original)), original.title ?? original.id);
      // The events byte for byte, key order included: the API prints this JSON.
      assert.equal(JSON.stringify(article.events), JSON.stringify(original.events));
    };
    for (const article of allArticles) {
      assert.ok(article.events.length > 0, `${article.title} has events`);
      check(article);
    }
    // The document keeps the event ids only; a document written before that holds the events whole.
    const db = new Database(path);
    const doc = db.prepare('SELECT doc FROM articles WHERE id = ?').pluck();
    assert.deepEqual(JSON.parse(inflateRawSync(doc.get(arihaMonitor.id) as Buffer).toString()).events, arihaMonitor.events.map((e) => e.id));
    const { text: _text, ...layers } = arihaMonitor;
    db.prepare('UPDATE articles SET doc = ? WHERE id = ?').run(deflateRawSync(JSON.stringify(layers)), arihaMonitor.id);
    db.close();
    check(arihaMonitor);
    // Where the sources of an event are shown, each source's article is read the same way.
    const event = store.getEvent(store.getArticle(arihaMonitor.id)!.eventIds[0])!;
    assert.ok(event.sources.some((source) => source.article.id === arihaMonitor.id && source.spans.some((s) => s.field === 'evidence')));
    store.close();
  });
});

test('candidates from memory (the default) and from SQLite give the same events, ids and merge log', () => {
  const dated = (article: Article, suffix: string, date: string, dateEnd: string | null, datePrecision: 1 | 2 | 3): Article => ({
    ...article,
    id: `${article.id}-${suffix}`,
    events: article.events.map((e) => ({ ...e, date, dateEnd, datePrecision })),
  });
  const articles = [
    ...allArticles,
    ...foldReports,
    ...districtReports,
    dated(arihaMonitor, 'y', '2024', null, 3),
    dated(arihaStateMedia, 'm', '2024-03', null, 3),
    dated(atarib, 'r', '2024-03-01', '2024-03-09', 2),
    dated(arihaStateMedia, 'w', '2024-03-05', null, 2),
  ];
  const build = (mirrorCandidates: boolean) => {
    let built: unknown;
    withStore((path, now) => {
      const store = openSqliteStore(path, { now, mirrorCandidates });
      // Two files of several articles and single ones: the mirror lives across transactions.
      store.storeArticles(articles.slice(0, 4));
      for (const article of articles.slice(4, 10)) store.storeArticles([article]);
      store.storeArticles(articles.slice(10));
      const events = [...store.allEvents()];
      built = { stats: store.stats(), events, history: events.map((e) => store.mergeHistory(e.id)) };
      store.close();
    });
    return built;
  };
  assert.deepEqual(build(true), build(false));
});

test('a store sees events another connection wrote since its last ingest (it reloads its candidates)', () => {
  withStore((path, now) => {
    const first = openSqliteStore(path, { now });
    const second = openSqliteStore(path, { now });
    first.storeArticles([atarib]);
    // Written through the other connection after the first one loaded its candidates.
    second.storeArticles([arihaMonitor]);
    first.storeArticles([arihaStateMedia]);
    assert.equal(first.getArticle(arihaStateMedia.id)!.eventIds[0], first.getArticle(arihaMonitor.id)!.eventIds[0]);
    assert.equal(first.stats().events, 2);
    first.close();
    second.close();
  });
});

test('a file that fails to store leaves no trace in later merges (rolled back, candidates reloaded)', () => {
  withStore((path, now) => {
    const store = openSqliteStore(path, { now });
    // The second article is the first again under a new id with an event the store cannot take.
    const broken = { ...arihaStateMedia, id: `${arihaStateMedia.id}-broken`, events: [{ ...arihaStateMedia.events[0], type: null }] } as unknown as Article;
    assert.throws(() => store.storeArticles([arihaMonitor, broken]));
    assert.equal(store.stats().events, 0);
    store.storeArticles([arihaStateMedia]);
    store.storeArticles([arihaMonitor]);
    assert.equal(store.getArticle(arihaMonitor.id)!.eventIds[0], store.getArticle(arihaStateMedia.id)!.eventIds[0]);
    assert.equal(store.stats().events, 1);
    store.close();
  });
});

test('same-country events are compared when they could match or nearly do, not across the country', () => {
  // An air strike the same day 400 km east, in another province: it cannot join the Ariha strike
  // (Idlib) and is no near miss, so neither its merge log nor Ariha's names the other. A second report
  // of the Ariha strike geocoded 50 km off and with the province spelled "Idleb" is still compared, by
  // its place name, and joins.
  const baghouzStrike = report({
    title: 'Air strike near Baghouz',
    published: '2024-03-12',
    url: 'https://www.example-wire.test/world/baghouz-strike',
    text: 'An air strike hit a vehicle near Baghouz on Monday, killing two people, the SDF said.',
    event: { type: 'Explosions/Remote violence', subType: 'Air/drone strike', date: '2024-03-11', actor2: 'Civilians', place: { mention: 'Baghouz', ...BAGHOUZ }, attribution: 'SDF' },
  });
  const arihaIdleb = report({
    title: 'Market in Ariha hit',
    published: '2024-03-13',
    url: 'https://www.other-wire.test/ariha',
    text: 'IDLEB - Russian jets struck the market of Ariha on Monday, killing 20 people, a civil defence official said.',
    event: {
      type: 'Explosions/Remote violence',
      subType: 'Air/drone strike',
      date: '2024-03-11',
      actor1: 'Military Forces of Russia',
      place: { mention: 'Ariha', ...ARIHA, lat: ARIHA.lat + 0.45, admin1: 'Idleb' },
      attribution: 'civil defence',
    },
  });
  for (const mirrorCandidates of [true, false]) {
    withStore((path, now) => {
      const store = openSqliteStore(path, { now, mirrorCandidates });
      for (const article of [arihaMonitor, atarib, baghouzStrike, arihaIdleb]) store.storeArticles([article]);
      const eventOf = (article: Article) => store.getArticle(article.id)!.eventIds[0]!;
      const rejectedBy = (article: Article) => store.mergeHistory(eventOf(article)).find((r) => r.kind === 'create')!.rejected.map((r) => r.eventId);
      const label = `mirror ${mirrorCandidates}`;
      assert.deepEqual(rejectedBy(baghouzStrike), [], label);
      assert.deepEqual(rejectedBy(atarib), [eventOf(arihaMonitor)], `${label}: Ariha, 41 km away in Idlib, is a near miss`);
      assert.equal(eventOf(arihaIdleb), eventOf(arihaMonitor), label);
      store.close();
    });
  }
});
