/**
 * `npm run check:data`: validates data/ exactly as the build does, without building.
 * Usage: npm run check:data [-- <data folder>] [--fix-hours]
 *
 * It also lists what the site reads differently from the files: hours that cannot be right
 * (src/lib/hours/review.ts), each with its fix. `--fix-hours` writes that fix into the files
 * (only the hours: the rest of each file, comments included, is kept).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { t } from '../src/i18n/index.ts';
import { buildDate, loadData } from '../src/lib/dataset.ts';
import { DataError, formatIssue } from '../src/lib/validate.ts';

const args = process.argv.slice(2);
const fixHours = args.includes('--fix-hours');
const dataDir = args.find((arg) => !arg.startsWith('--')) ?? process.env.DATA_DIR ?? 'data';
try {
  const { dataset, warnings } = await loadData({ dataDir, referenceDataDir: 'data', today: buildDate() });
  console.log(
    t('editor.valid', {
      places: dataset.places.length,
      services: dataset.services.length,
      commitments: dataset.charter.commitments.length,
      municipalities: dataset.municipalities.length,
    }),
  );
  if (warnings.length > 0 && !fixHours) console.log(`\n${t('editor.warnings', { count: warnings.length })}\n\n${warnings.map(formatIssue).join('\n\n')}`);
  if (fixHours) {
    const byFile = new Map(dataset.places.map((place) => [place.file, place]));
    let fixed = 0;
    for (const warning of warnings) {
      const place = byFile.get(warning.file)!;
      const text = await readFile(warning.file, 'utf8');
      const document = parseDocument(text);
      document.setIn(['hours', 'openingHours'], place.hours.openingHours);
      if (place.hours.note) document.setIn(['hours', 'note'], place.hours.note);
      const next = document.toString({ lineWidth: 0, flowCollectionPadding: false });
      if (next !== text) {
        await writeFile(warning.file, next);
        fixed++;
      }
    }
    console.log(t('editor.hoursFixed', { count: fixed }));
  }
} catch (error) {
  if (error instanceof DataError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
