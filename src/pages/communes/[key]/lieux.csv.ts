import type { APIRoute, GetStaticPaths } from 'astro';
import { toCsv } from '../../../lib/interop/export.ts';
import { communeExportPaths, standardExport } from '../../../site/exports.ts';

export const getStaticPaths = (() => communeExportPaths()) satisfies GetStaticPaths;

/** A commune's places in the national standard v1.0.2 (csv). */
export const GET: APIRoute = async ({ props }) => {
  const { byCommune } = await standardExport();
  return new Response(toCsv(byCommune.get((props as { insee: string }).insee) ?? []), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
