import type { APIRoute } from 'astro';
import { standardExport } from '../../site/exports.ts';
import { toJson } from '../../lib/interop/export.ts';

/** The whole directory in the national standard v1.0.2 (json). */
export const GET: APIRoute = async () => {
  const { rows } = await standardExport();
  return new Response(toJson(rows), { headers: { 'Content-Type': 'application/json' } });
};
