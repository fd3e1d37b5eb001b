/**
 * `npm run check:data`: validates data/ exactly as the build does, without building.
 * Usage: npm run check:data [-- <data folder>]
 */
import { buildDate, loadData } from '../src/lib/dataset.ts';
import { DataError } from '../src/lib/validate.ts';

const dataDir = process.argv[2] ?? process.env.DATA_DIR ?? 'data';
try {
  const { dataset } = await loadData({ dataDir, referenceDataDir: 'data', today: buildDate() });
  console.log(
    `Données valides : ${dataset.places.length} lieux, ${dataset.services.length} services, ` +
      `${dataset.charter.commitments.length} engagements de la charte, ` +
      `${dataset.municipalities.length} commune(s) signataire(s).`,
  );
} catch (error) {
  if (error instanceof DataError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
