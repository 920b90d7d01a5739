import type { Doc } from './types.js';
import type { ActorDictionary, Gazetteer } from './resources.js';

/** What every stage may read besides the document: loaded once, shared by all documents. */
export interface PipelineContext {
  gazetteer: Gazetteer;
  actors: ActorDictionary;
}

/**
 * A pipeline stage reads earlier layers of the doc and writes exactly one layer.
 * Stages are plain named functions so a user can swap one without touching the others.
 */
export interface Stage {
  name: string;
  /**
   * Loads what the stage needs (a model, compiled lexicons) once, when the pipeline is created, so the
   * first document does not pay for it and a broken data file fails before any input is read.
   */
  prepare?(ctx: PipelineContext): void;
  run(doc: Doc, ctx: PipelineContext): void;
}
