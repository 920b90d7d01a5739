/**
 * Reader for re3d (Dstl's Relationship and Entity Extraction Evaluation Dataset): a folder holding one
 * or more parts, each a folder with documents.json and entities.json, one JSON object a line.
 * Offsets (`begin`, `end`) are into the document's `text`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../cli/errors.js';

export interface Re3dEntity {
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface Re3dDocument {
  id: string;
  part: string;
  title: string | null;
  text: string;
  entities: Re3dEntity[];
}

/** Every folder under `root` (itself included) that holds documents.json and entities.json. */
export function findParts(root: string): string[] {
  if (!statSync(root).isDirectory()) throw new UserError(`${root}: re3d expects a folder holding documents.json and entities.json`);
  const parts: string[] = [];
  const visit = (dir: string) => {
    if (existsSync(join(dir, 'documents.json')) && existsSync(join(dir, 'entities.json'))) parts.push(dir);
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
    }
  };
  visit(root);
  if (!parts.length) throw new UserError(`${root}: no re3d part found (a folder with documents.json and entities.json)`);
  return parts;
}

function readJsonLines(path: string): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    try {
      rows.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      throw new UserError(`${path}:${index + 1}: not a JSON object`);
    }
  });
  return rows;
}

export function readRe3dPart(dir: string): Re3dDocument[] {
  const documents = new Map<string, Re3dDocument>();
  for (const row of readJsonLines(join(dir, 'documents.json'))) {
    const id = String(row._id ?? '');
    if (!id || typeof row.text !== 'string') throw new UserError(`${join(dir, 'documents.json')}: document without _id or text`);
    documents.set(id, { id, part: dir, title: typeof row.title === 'string' ? row.title : null, text: row.text, entities: [] });
  }
  for (const row of readJsonLines(join(dir, 'entities.json'))) {
    const doc = documents.get(String(row.documentId));
    const start = Number(row.begin);
    const end = Number(row.end);
    if (!doc || !Number.isInteger(start) || !Number.isInteger(end) || end <= start) continue;
    doc.entities.push({ start, end, type: String(row.type), value: String(row.value ?? '') });
  }
  return [...documents.values()];
}
