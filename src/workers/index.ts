/** Parallel pipeline: a worker_threads pool that reads and processes files, and parallel ingest on top. */
export { createPipelinePool, createSerializingPool, createStoringPool, PoolStartError, type PipelinePool, type PoolArticle, type ResultHandler } from './pool.js';
export { defaultIngestWorkers, ingestFilesInParallel, type ParallelIngestOptions } from './ingest-parallel.js';
export { stopPoolOnInterrupt } from './interrupt.js';
export type { ArticleFailure, FailureKind, FaultInjection, FileResult, PoolOptions, RunSummary, SerializedArticle } from './types.js';
export { DocumentWriter, serializeArticle, type ExtractFormat } from './article-json.js';
