import type { APIRoute } from 'astro';
import { standardExport } from '../../site/exports.ts';
import { toCsv } from '../../lib/interop/export.ts';

/** The whole directory in the national standard v1.0.2 (csv). */
export const GET: APIRoute = async () => {
  const { rows } = await standardExport();
  return new Response(toCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
