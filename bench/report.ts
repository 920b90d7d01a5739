/**
 * Turns the phase reports into the benchmark's figures (the JSON object) and a readable table.
 * Stage shares come from the single-process run (read/segment and each pipeline stage) and the ingest
 * run (merge and store), each as milliseconds per article, so they add up to one article's journey.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import type { PhaseReport } from './phases/types.js';

/** Targets on the reference 2-core machine (issue 7). */
export const TARGETS = {
  articlesPerSec: { min: 300 },
  workersArticlesPerSec: { min: 500 },
  ratioToTokenizer: { min: 0.3 },
  peakRssMb: { max: 1024 },
  ingestArticlesPerSec: { min: 250 },
} as const;

/** Display order; "read" (readers + page segmenter) is reported as "segment". */
const STAGE_ORDER = ['segment', 'sentences', 'tokens', 'dates', 'quantities', 'entities', 'places', 'events', 'merge', 'store'];

export interface BenchResults {
  corpus: { articles: number; seed: number; mb: number | null };
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; loadAverage1m: number };
  articlesPerSec: number | null;
  mbPerSec: number | null;
  workers: number;
  workersArticlesPerSec: number | null;
  workersMbPerSec: number | null;
  /** Pipeline workers of the ingest phase (sitrep ingest's default), besides the storing thread. */
  ingestWorkers: number;
  workerStartupMs: number | null;
  /** wink-nlp tokenisation alone (no annotations): the floor. */
  tokenizerMbPerSec: number | null;
  ratioToTokenizer: number | null;
  /** wink with POS tagging only, as our tokens stage runs it. */
  winkPosMbPerSec: number | null;
  /** wink's default pipeline (sentences, POS, negation, sentiment, entities), for comparing older runs. */
  winkDefaultMbPerSec: number | null;
  ratioToWinkDefault: number | null;
  stageShares: Record<string, number>;
  /** Shares within the pipeline alone (segment to events), for routing speed work between stages. */
  pipelineShares: Record<string, number>;
  stageMsPerArticle: Record<string, number>;
  /** The highest of sitrep's phases (one process, workers, ingest); the tokenizer reference is by phase only. */
  peakRssMb: number | null;
  peakRssMbByPhase: Record<string, number>;
  ingestArticlesPerSec: number | null;
  storeArticlesPerSec: number | null;
  /** CPU of the ingest phase's storing thread per article (storing alone, and everything it did). */
  storeCpuMsPerArticle: number | null;
  storingThreadCpuMsPerArticle: number | null;
  /**
   * The pipeline in one process on real news (the development texts of ../shared, each seen once, after
   * a warm-up on synthetic articles), with wink alone on the same texts: null without them.
   */
  devNews: { texts: number; mb: number; mbPerSec: number; tokenizerMbPerSec: number; ratioToTokenizer: number } | null;
  failedArticles: number;
  firstFailure: string | null;
  targets: Record<string, { target: string; met: boolean | null }>;
  errors: Record<string, string>;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const perSec = (count: number, ms: number) => round((count / ms) * 1000);
const cpuFigure = (value: unknown) => (typeof value === 'number' ? round(value, 2) : null);
const mbPerSec = (bytes: number, ms: number) => round((bytes / 1024 / 1024 / ms) * 1000, 3);

export function buildResults(input: {
  articles: number;
  seed: number;
  workers: number;
  ingestWorkers: number;
  reports: PhaseReport[];
  errors: Record<string, string>;
}): BenchResults {
  const find = (phase: string) => input.reports.find((r) => r.phase === phase);
  const tokenizer = find('tokenizer');
  const single = find('single');
  const parallel = find('parallel');
  const ingest = find('ingest');
  const news = find('news');
  const newsTokenizerMs = news?.extra?.tokenizerMs;
  const devNews =
    news && news.articles && typeof newsTokenizerMs === 'number'
      ? {
          texts: news.articles,
          mb: round(news.bytes / 1024 / 1024, 2),
          mbPerSec: mbPerSec(news.bytes, news.ms),
          tokenizerMbPerSec: mbPerSec(news.bytes, newsTokenizerMs),
          ratioToTokenizer: round(newsTokenizerMs / news.ms, 3),
        }
      : null;

  const stageMsPerArticle: Record<string, number> = {};
  if (single?.stageMs && single.articles) {
    for (const [name, ms] of Object.entries(single.stageMs)) stageMsPerArticle[name === 'read' ? 'segment' : name] = ms / single.articles;
  }
  if (ingest?.stageMs && ingest.articles) {
    for (const [name, ms] of Object.entries(ingest.stageMs)) stageMsPerArticle[name] = ms / ingest.articles;
  }
  const totalMs = Object.values(stageMsPerArticle).reduce((a, b) => a + b, 0);
  const ordered = [...STAGE_ORDER, ...Object.keys(stageMsPerArticle).filter((k) => !STAGE_ORDER.includes(k))];
  const stageShares: Record<string, number> = {};
  const roundedMs: Record<string, number> = {};
  for (const name of ordered) {
    if (!(name in stageMsPerArticle)) continue;
    stageShares[name] = round(stageMsPerArticle[name] / totalMs, 3);
    roundedMs[name] = round(stageMsPerArticle[name], 3);
  }

  const pipelineStages = Object.keys(roundedMs).filter((name) => name !== 'merge' && name !== 'store');
  const pipelineMs = pipelineStages.reduce((sum, name) => sum + stageMsPerArticle[name], 0);
  const pipelineShares = Object.fromEntries(pipelineStages.map((name) => [name, round(stageMsPerArticle[name] / pipelineMs, 3)]));

  const corpusBytes = (tokenizer ?? single ?? parallel ?? ingest)?.bytes;
  const pipelineMbPerSec = single ? mbPerSec(single.bytes, single.ms) : null;
  const tokenizerMbPerSec = tokenizer ? mbPerSec(tokenizer.bytes, tokenizer.ms) : null;
  const extraMbPerSec = (key: string) => {
    const ms = tokenizer?.extra?.[key];
    return tokenizer && typeof ms === 'number' ? mbPerSec(tokenizer.bytes, ms) : null;
  };
  const winkDefaultMbPerSec = extraMbPerSec('defaultPipelineMs');
  const peakByPhase = Object.fromEntries(input.reports.map((r) => [r.phase, round(r.peakRssMb)]));
  // sitrep's own peak: the tokenizer phase is wink alone (a reference), whose lexicon keeps every new
  // spelling of three wink instances and passed 1.5 GB on a 20,000-article corpus; it is shown by phase.
  const peaks = input.reports.filter((r) => r.phase !== 'tokenizer').map((r) => round(r.peakRssMb));
  const results: BenchResults = {
    corpus: { articles: input.articles, seed: input.seed, mb: corpusBytes === undefined ? null : round(corpusBytes / 1024 / 1024, 2) },
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGb: round(totalmem() / 1024 ** 3),
      node: process.version,
      loadAverage1m: round(loadavg()[0], 2),
    },
    articlesPerSec: single ? perSec(single.articles, single.ms) : null,
    mbPerSec: pipelineMbPerSec,
    workers: input.workers,
    workersArticlesPerSec: parallel ? perSec(parallel.articles, parallel.ms) : null,
    workersMbPerSec: parallel ? mbPerSec(parallel.bytes, parallel.ms) : null,
    ingestWorkers: input.ingestWorkers,
    workerStartupMs: parallel?.startupMs !== undefined ? Math.round(parallel.startupMs) : null,
    tokenizerMbPerSec,
    ratioToTokenizer: pipelineMbPerSec !== null && tokenizerMbPerSec ? round(pipelineMbPerSec / tokenizerMbPerSec, 3) : null,
    winkPosMbPerSec: extraMbPerSec('posMs'),
    winkDefaultMbPerSec,
    ratioToWinkDefault: pipelineMbPerSec !== null && winkDefaultMbPerSec ? round(pipelineMbPerSec / winkDefaultMbPerSec, 3) : null,
    stageShares,
    pipelineShares,
    stageMsPerArticle: roundedMs,
    peakRssMb: peaks.length ? Math.max(...peaks) : null,
    peakRssMbByPhase: peakByPhase,
    ingestArticlesPerSec: ingest ? perSec(ingest.articles, ingest.ms) : null,
    storeArticlesPerSec: ingest?.extra?.storeMs ? perSec(ingest.articles, ingest.extra.storeMs as number) : null,
    storeCpuMsPerArticle: cpuFigure(ingest?.extra?.storeCpuMsPerArticle),
    storingThreadCpuMsPerArticle: cpuFigure(ingest?.extra?.mainThreadCpuMsPerArticle),
    devNews,
    failedArticles: (single?.failed ?? 0) + (parallel?.failed ?? 0) + (news?.failed ?? 0),
    firstFailure: single?.firstFailure ?? parallel?.firstFailure ?? null,
    targets: {},
    errors: input.errors,
  };
  for (const [key, target] of Object.entries(TARGETS)) {
    const value = results[key as keyof typeof TARGETS];
    const met = value === null ? null : 'min' in target ? value >= target.min : value <= target.max;
    results.targets[key] = { target: 'min' in target ? `>= ${target.min}` : `< ${target.max}`, met };
  }
  return results;
}

function row(label: string, value: string, target = '', met: boolean | null = null): string {
  const mark = met === null ? '' : met ? 'ok' : 'BELOW TARGET';
  return `  ${label.padEnd(34)}${value.padStart(12)}   ${target.padEnd(10)}${mark}\n`;
}

const show = (value: number | null, unit = '') => (value === null ? 'n/a' : `${value}${unit}`);

export function formatTable(results: BenchResults, reports: PhaseReport[]): string {
  const t = results.targets;
  const m = results.machine;
  let out = `\nsitrep bench: ${results.corpus.articles} articles, ${show(results.corpus.mb, ' MB')} of text, seed ${results.corpus.seed}\n`;
  out += `machine: ${m.cpus} x ${m.cpuModel}, ${m.memoryGb} GB, node ${m.node}, load average ${m.loadAverage1m}\n\n`;
  out += row('articles/s, one process', show(results.articlesPerSec), t.articlesPerSec.target, t.articlesPerSec.met);
  out += row('MB/s, one process', show(results.mbPerSec));
  out += row(`articles/s, ${results.workers} workers`, show(results.workersArticlesPerSec), t.workersArticlesPerSec.target, t.workersArticlesPerSec.met);
  out += row(`MB/s, ${results.workers} workers`, show(results.workersMbPerSec));
  out += row('worker start-up (ms)', show(results.workerStartupMs));
  out += row('wink tokenisation alone MB/s', show(results.tokenizerMbPerSec));
  out += row('ratio to tokenizer', show(results.ratioToTokenizer), t.ratioToTokenizer.target, t.ratioToTokenizer.met);
  out += row('wink with POS MB/s', show(results.winkPosMbPerSec));
  out += row('wink default pipeline MB/s', show(results.winkDefaultMbPerSec));
  out += row('ratio to wink default pipeline', show(results.ratioToWinkDefault));
  out += row('peak RSS (MB)', show(results.peakRssMb), t.peakRssMb.target, t.peakRssMb.met);
  out += row(`ingest articles/s (SQLite, ${results.ingestWorkers} worker${results.ingestWorkers === 1 ? '' : 's'})`, show(results.ingestArticlesPerSec), t.ingestArticlesPerSec.target, t.ingestArticlesPerSec.met);
  out += row('store alone, articles/s', show(results.storeArticlesPerSec));
  out += row('storing thread CPU ms/article', `${show(results.storeCpuMsPerArticle)} storing, ${show(results.storingThreadCpuMsPerArticle)} in all`);
  const news = results.devNews;
  if (news) {
    out += `\n  real news (${news.texts} development texts, ${news.mb} MB, each seen once):\n`;
    out += row('MB/s, one process', show(news.mbPerSec));
    out += row('wink tokenisation alone MB/s', show(news.tokenizerMbPerSec));
    out += row('ratio to tokenizer', show(news.ratioToTokenizer));
  }
  out += '\n  stage                  ms/article   share  of pipeline\n';
  for (const [name, share] of Object.entries(results.stageShares)) {
    const inPipeline = results.pipelineShares[name];
    const ofPipeline = inPipeline === undefined ? '' : `${(inPipeline * 100).toFixed(1)}%`;
    const bar = '#'.repeat(Math.round((inPipeline ?? share) * 40));
    out += `  ${name.padEnd(22)}${results.stageMsPerArticle[name].toFixed(3).padStart(10)}  ${(share * 100).toFixed(1).padStart(5)}%  ${ofPipeline.padStart(6)}  ${bar}\n`;
  }
  out += `\n  peak RSS by phase (MB): ${Object.entries(results.peakRssMbByPhase).map(([k, v]) => `${k} ${v}`).join(', ')}\n`;
  if (results.failedArticles) out += `  articles a stage threw on: ${results.failedArticles} (first: ${results.firstFailure})\n`;
  for (const [phase, error] of Object.entries(results.errors)) out += `  phase ${phase} FAILED: ${error}\n`;
  for (const report of reports) {
    if (!report.profile) continue;
    out += `\n  profile of phase ${report.phase} (${Math.round(report.profile.totalMs)} ms sampled)\n  by folder:\n`;
    const folders = Object.entries(report.profile.byFolder).sort((a, b) => b[1] - a[1]).slice(0, 14);
    for (const [folder, ms] of folders) out += `    ${folder.padEnd(32)}${Math.round(ms).toString().padStart(8)} ms\n`;
    out += '  top functions by self time:\n';
    for (const fn of report.profile.topFunctions.slice(0, 20)) {
      out += `    ${Math.round(fn.ms).toString().padStart(7)} ms  ${fn.name.slice(0, 40).padEnd(40)} ${fn.where}\n`;
    }
  }
  return out + '\n';
}
