/**
 * CASE 2021 task 2 (fine-grained event classification) as distributed: a TSV with a header line and
 * columns id, EventSnippet, SubType. Rows that do not have three columns are reported, not fatal.
 */
import { readFileSync } from 'node:fs';

export interface Case2021Row {
  id: string;
  text: string;
  label: string;
}

export function readCase2021(path: string): { rows: Case2021Row[]; problems: string[] } {
  const rows: Case2021Row[] = [];
  const problems: string[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines[0]?.split('\t').map((h) => h.trim());
  if (!header || header[1] !== 'EventSnippet' || header[2] !== 'SubType') {
    throw new Error(`${path}: not a CASE 2021 task 2 file (expected the header "id<TAB>EventSnippet<TAB>SubType")`);
  }
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const cells = line.split('\t');
    if (cells.length < 3 || !cells[1].trim() || !cells[2].trim()) {
      problems.push(`${path}:${i + 2}: expected id, snippet and label`);
      return;
    }
    rows.push({ id: cells[0].trim(), text: cells[1].trim(), label: cells[2].trim() });
  });
  return { rows, problems };
}
