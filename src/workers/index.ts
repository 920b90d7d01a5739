/** Parallel pipeline: a worker_threads pool that reads and processes files, and parallel ingest on top. */
export { createPipelinePool, createStoringPool, PoolStartError, type PipelinePool, type PoolArticle, type ResultHandler } from './pool.js';
export { ingestFilesInParallel, storeFileResult, type ParallelIngestOptions } from './ingest-parallel.js';
export { stopPoolOnInterrupt } from './interrupt.js';
export type { ArticleFailure, FailureKind, FaultInjection, FileResult, PoolOptions, RunSummary } from './types.js';
