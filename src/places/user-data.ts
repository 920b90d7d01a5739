/**
 * Where sitrep keeps per-user data: $SITREP_HOME, or ~/.sitrep when unset. `sitrep gazetteer import`
 * writes the GeoNames data it converts under <home>/gazetteer/, and loadGazetteer reads it from there.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function sitrepHome(): string {
  return process.env.SITREP_HOME || join(homedir(), '.sitrep');
}

export function importedGazetteerDir(): string {
  return join(sitrepHome(), 'gazetteer');
}

/** GeoNames main-table rows (with alternate names merged in) from every imported file. */
export function importedPlacesPath(): string {
  return join(importedGazetteerDir(), 'places.tsv');
}

/** "CC.code<TAB>name" lines from an imported admin1CodesASCII.txt. */
export function importedAdmin1Path(): string {
  return join(importedGazetteerDir(), 'admin1.tsv');
}
