/**
 * A sampling CPU profile of this thread through node:inspector, summarised two ways: time per source
 * folder (which stage's code the samples were in) and the functions with the most self time. Used to
 * split the store's time between merging and SQLite, and by --profile to show what dominates a stage.
 */
import { Session } from 'node:inspector';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Milliseconds by the innermost sitrep source folder on the stack (e.g. src/places), or "other". */
  byFolder: Record<string, number>;
  /** Functions by self time, with their file. */
  topFunctions: Array<{ name: string; where: string; ms: number }>;
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
  );
}

export async function startProfile(intervalUs = 500): Promise<() => Promise<ProfileSummary>> {
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: intervalUs });
  await post(session, 'Profiler.start');
  return async () => {
    const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
    session.disconnect();
    return summarise(profile);
  };
}

/** "file:///work/main/src/places/resolve.ts" -> "src/places"; dependencies by package name. */
function folderOf(url: string): string | null {
  const source = /\/(src\/[^/]+)\//.exec(url);
  if (source && !url.includes('node_modules')) return source[1];
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return dependency ? dependency[1] : null;
}

function shortPath(url: string): string {
  return url.replace(/^file:\/\//, '').replace(/^.*?\/(src|bench|node_modules)\//, '$1/');
}

export function summarise(profile: Profile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // The folder a sample is charged to: the innermost sitrep source folder, else the innermost dependency.
  const folderCache = new Map<number, string>();
  const folderFor = (id: number): string => {
    const cached = folderCache.get(id);
    if (cached) return cached;
    let dependency: string | null = null;
    let found = 'other';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const folder = folderOf(byId.get(at)!.callFrame.url);
      if (folder?.startsWith('src/')) {
        found = folder;
        break;
      }
      if (folder && !dependency) dependency = folder;
    }
    if (found === 'other' && dependency) found = dependency;
    folderCache.set(id, found);
    return found;
  };
  const byFolder: Record<string, number> = {};
  const self = new Map<number, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') return;
    const folder = folderFor(id);
    byFolder[folder] = (byFolder[folder] ?? 0) + ms;
    self.set(id, (self.get(id) ?? 0) + ms);
  });
  const byFunction = new Map<string, { name: string; where: string; ms: number }>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    // File only: under tsx the profiler sees transpiled lines, which do not match the source.
    const where = frame.url ? shortPath(frame.url) : '(native)';
    const key = `${frame.functionName}@${where}`;
    const entry = byFunction.get(key) ?? { name: frame.functionName || '(anonymous)', where, ms: 0 };
    entry.ms += ms;
    byFunction.set(key, entry);
  }
  const topFunctions = [...byFunction.values()].sort((a, b) => b.ms - a.ms).slice(0, 25);
  return { totalMs, byFolder, topFunctions };
}
