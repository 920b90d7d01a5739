/**
 * `sitrep gazetteer import FILE...`: converts GeoNames dumps (allCountries.txt or a country file,
 * alternateNamesV2.txt, admin1CodesASCII.txt; the format of each file is recognised from its first
 * line) into $SITREP_HOME/gazetteer (default ~/.sitrep/gazetteer), which loadGazetteer merges over the
 * bundled gazetteer from then on. `sitrep gazetteer where` prints that folder; `lookup NAME` shows
 * what a name resolves to.
 */
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { importGeonamesFiles } from '../../places/import.js';
import { importedGazetteerDir } from '../../places/user-data.js';
import { loadGazetteer } from '../../places/gazetteer.js';

export function registerGazetteer(program: Command): void {
  const gazetteer = program.command('gazetteer').description('inspect the gazetteer or import GeoNames data into it');
  gazetteer
    .command('import')
    .description('import GeoNames dumps (allCountries/country file, alternateNamesV2, admin1CodesASCII) into $SITREP_HOME/gazetteer')
    .argument('<files...>', 'GeoNames files')
    .action((files: string[]) => {
      const report = importGeonamesFiles(files);
      if ('error' in report) throw new UserError(report.error);
      for (const line of report.lines) process.stdout.write(`${line}\n`);
    });
  gazetteer
    .command('where')
    .description('print the folder imported data is kept in')
    .action(() => {
      process.stdout.write(`${importedGazetteerDir()}\n`);
    });
  gazetteer
    .command('lookup')
    .description('list the gazetteer entries a name matches')
    .argument('<name>', 'place name')
    .action((name: string) => {
      const g = loadGazetteer({ extraFiles: [] });
      for (const m of g.match(name).slice(0, 20)) {
        const e = m.entry;
        process.stdout.write(
          `${e.name}\t${e.countryCode}\t${e.admin1 ?? ''}\t${e.featureCode ?? ''}\t${e.lat},${e.lon}\tpop ${e.population}\t${m.level}${m.primary ? '' : ' (alternate)'}\t${e.source}\n`,
        );
      }
    });
}
