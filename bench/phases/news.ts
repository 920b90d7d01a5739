/**
 * The pipeline on real news: the development texts in ../shared/datasets (re3d, LGL, GeoVirus; read
 * at run time, never copied), when they are there. The synthetic corpus is easier than real news: it
 * repeats its words (under 1% of wink's space-free chunks are new after the first thousand articles,
 * 22% on these texts), so every memo of the pipeline hits more often, and it names fewer people and
 * places a kilobyte. This phase says how far the synthetic figures are from real text.
 *
 * Timed as a long ingest would meet new articles: the engine is warmed first on synthetic articles (so
 * the figure is not JIT warm-up), then each real text is seen once (the memos and wink's lexicon have
 * not met its names). wink's tokenisation alone is timed the same way, for the ratio.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { readGeoCorpus } from '../../src/eval/geo/corpus.js';
import { findParts, readRe3dPart } from '../../src/eval/ner/re3d.js';
import { draftFromText } from '../../src/model/doc.js';
import { createPipeline } from '../../src/pipeline.js';
import { startProfile } from '../profile.js';
import { readDrafts } from './corpus-drafts.js';
import { peakRssMb, type PhaseInput, type PhaseReport } from './types.js';

/** Synthetic articles run first, untimed, so that compiled code is timed, not the compiler. */
const WARM_UP_ARTICLES = 500;
/** The pipeline's batch: one input file of the synthetic corpus. */
const BATCH = 20;

function sharedDatasets(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return join(resolve(process.env.SITREP_SHARED ?? join(root, '..', 'shared')), 'datasets');
}

function devNewsTexts(datasets: string): string[] {
  const texts: string[] = [];
  const re3d = join(datasets, 're3d-dev');
  if (existsSync(re3d)) for (const part of findParts(re3d)) for (const doc of readRe3dPart(part)) texts.push(doc.text);
  for (const [file, format] of [['lgl.xml', 'lgl'], ['GeoVirus.xml', 'geovirus']] as const) {
    const path = join(datasets, 'geo-dev', file);
    if (existsSync(path)) for (const doc of readGeoCorpus(path, format)) texts.push(doc.text);
  }
  return texts.filter((text) => text.trim().length > 0);
}

export async function runNewsPhase(input: PhaseInput): Promise<PhaseReport> {
  const datasets = sharedDatasets();
  const texts = existsSync(datasets) ? devNewsTexts(datasets) : [];
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  if (!texts.length) return { phase: 'news', articles: 0, bytes: 0, ms: 0, peakRssMb: peakRssMb(), extra: { skipped: `no development texts in ${datasets}` } };
  const warmUp = readDrafts(input.files.slice(0, Math.ceil(WARM_UP_ARTICLES / BATCH))).slice(0, WARM_UP_ARTICLES);

  const nlp = winkNLP(model, []);
  for (const draft of warmUp) nlp.readDoc(draft.text);
  let started = performance.now();
  for (const text of texts) nlp.readDoc(text).tokens().length();
  const tokenizerMs = performance.now() - started;

  const pipeline = createPipeline();
  pipeline.processBatch(warmUp);
  // Undated texts: dates are still parsed, only not resolved.
  const drafts = texts.map((text) => draftFromText(text));
  let failed = 0;
  const warmUpTimings: Record<string, number> = { ...pipeline.timings };
  const stopProfile = input.profile ? await startProfile() : null;
  started = performance.now();
  for (let i = 0; i < drafts.length; i += BATCH) {
    for (const outcome of pipeline.processBatch(drafts.slice(i, i + BATCH))) if (!outcome.ok) failed += 1;
  }
  const ms = performance.now() - started;
  const profile = stopProfile ? await stopProfile() : undefined;
  return { phase: 'news', articles: texts.length, bytes, ms, peakRssMb: peakRssMb(), stageMs: Object.fromEntries(Object.entries(pipeline.timings).map(([stage, total]) => [stage, total - (warmUpTimings[stage] ?? 0)])), failed, extra: { tokenizerMs, datasets }, profile };
}
