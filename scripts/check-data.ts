/**
 * `npm run check:data`: validates data/ exactly as the build does, without building.
 * Usage: npm run check:data [-- <data folder>]
 */
import { t } from '../src/i18n/index.ts';
import { buildDate, loadData } from '../src/lib/dataset.ts';
import { DataError } from '../src/lib/validate.ts';

const dataDir = process.argv[2] ?? process.env.DATA_DIR ?? 'data';
try {
  const { dataset } = await loadData({ dataDir, referenceDataDir: 'data', today: buildDate() });
  console.log(
    t('editor.valid', {
      places: dataset.places.length,
      services: dataset.services.length,
      commitments: dataset.charter.commitments.length,
      municipalities: dataset.municipalities.length,
    }),
  );
} catch (error) {
  if (error instanceof DataError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
