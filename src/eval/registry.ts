/**
 * Evaluation tasks by name: `sitrep eval <task> --format <fmt> PATH` looks the task up here.
 * Each task reads a dataset in its source's own format and returns one JSON object of metrics.
 */
export interface EvalOptions {
  format: string;
  path: string;
  /** Task-specific flags (e.g. geo's --gold-spans). */
  flags: Record<string, unknown>;
}

export interface EvalTask {
  name: string;
  formats: string[];
  run(options: EvalOptions): Promise<Record<string, unknown>>;
}

const loaders: Record<string, () => Promise<EvalTask>> = {
  ner: async () => (await import('./ner/task.js')).nerTask,
  geo: async () => (await import('./geo/task.js')).geoTask,
  events: async () => (await import('./events/task.js')).eventsTask,
};

export const evalTaskNames = Object.keys(loaders);

export async function loadEvalTask(name: string): Promise<EvalTask | undefined> {
  const load = loaders[name];
  return load ? load() : undefined;
}
