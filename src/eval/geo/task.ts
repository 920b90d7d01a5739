/**
 * `sitrep eval geo --format lgl|geovirus|gwn FILE [--gold-spans]`: end-to-end geoparsing (recognise
 * then resolve) scored against a corpus, or, with --gold-spans, resolution of the gold toponym spans
 * in their document context (the figure most papers print). See metrics.ts for the definitions.
 */
import { UserError } from '../../cli/errors.js';
import { loadGazetteer } from '../../places/gazetteer.js';
import { geoparse, resolveSpans, PIPELINE_GEOPARSE, type GeoparseOptions } from '../../places/geoparse.js';
import { distanceKm } from '../../places/resolve.js';
import type { EvalTask } from '../registry.js';
import { CorpusError, readGeoCorpus, type GeoDocument, type GeoFormat } from './corpus.js';
import { MAX_ERROR_KM, resolutionScores, taggingScores } from './metrics.js';

const FORMATS: GeoFormat[] = ['lgl', 'geovirus', 'gwn'];

/**
 * What each corpus counts as a toponym. LGL's annotators tagged adjectives ("American") and names
 * inside organisation names; GeoVirus and GeoWebNews's counted types do not (GeoWebNews puts those
 * in other types, which score neither way).
 */
export const CORPUS_CONVENTIONS: Record<GeoFormat, GeoparseOptions> = {
  lgl: { ...PIPELINE_GEOPARSE, demonyms: true, embedded: true },
  geovirus: PIPELINE_GEOPARSE,
  gwn: PIPELINE_GEOPARSE,
};

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && a.end > b.start;

export function scoreEndToEnd(docs: GeoDocument[], format: GeoFormat, gazetteer = loadGazetteer({ extraFiles: [] })) {
  let tp = 0;
  let predicted = 0;
  let goldCount = 0;
  const errors: number[] = [];
  for (const doc of docs) {
    const places = geoparse({ text: doc.text, title: null }, gazetteer, CORPUS_CONVENTIONS[format]);
    goldCount += doc.gold.length;
    const used = new Set<number>();
    for (const p of places) {
      const g = doc.gold.findIndex((gold, i) => !used.has(i) && overlaps(gold, p.candidate));
      if (g >= 0) {
        used.add(g);
        tp++;
        predicted++;
        const gold = doc.gold[g]!;
        errors.push(distanceKm(gold.lat, gold.lon, p.entry.lat, p.entry.lon));
      } else if (doc.gold.some((gold) => overlaps(gold, p.candidate)) || doc.neutral.some((n) => overlaps(n, p.candidate))) {
        // A second prediction on an already matched toponym, or one on a toponym the corpus does not score.
        continue;
      } else predicted++;
    }
  }
  return { tagging: taggingScores(tp, predicted, goldCount), resolution: resolutionScores(errors) };
}

export function scoreGoldSpans(docs: GeoDocument[], gazetteer = loadGazetteer({ extraFiles: [] })) {
  const errors: number[] = [];
  let unresolved = 0;
  for (const doc of docs) {
    const resolved = resolveSpans({ text: doc.text, title: null }, doc.gold, gazetteer);
    resolved.forEach((r, i) => {
      const gold = doc.gold[i]!;
      if (!r) unresolved++;
      errors.push(r ? distanceKm(gold.lat, gold.lon, r.entry.lat, r.entry.lon) : MAX_ERROR_KM);
    });
  }
  return { resolution: { ...resolutionScores(errors), unresolved } };
}

export const geoTask: EvalTask = {
  name: 'geo',
  formats: FORMATS,
  async run(options) {
    const format = options.format as GeoFormat;
    if (!FORMATS.includes(format)) throw new UserError(`eval geo: unknown format "${options.format}" (known: ${FORMATS.join(', ')})`);
    let docs: GeoDocument[];
    try {
      docs = readGeoCorpus(options.path, format);
    } catch (error) {
      if (error instanceof CorpusError) throw new UserError(error.message);
      throw error;
    }
    const gazetteer = loadGazetteer({ extraFiles: [] });
    const goldSpans = Boolean(options.flags.goldSpans);
    const scores = goldSpans ? scoreGoldSpans(docs, gazetteer) : scoreEndToEnd(docs, format, gazetteer);
    return { task: 'geo', format, goldSpans, documents: docs.length, ...scores };
  },
};
