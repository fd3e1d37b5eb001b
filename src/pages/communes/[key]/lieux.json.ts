import type { APIRoute, GetStaticPaths } from 'astro';
import { toJson } from '../../../lib/interop/export.ts';
import { communeExportPaths, standardExport } from '../../../site/exports.ts';

export const getStaticPaths = (() => communeExportPaths()) satisfies GetStaticPaths;

/** A commune's places in the national standard v1.0.2 (json). */
export const GET: APIRoute = async ({ props }) => {
  const { byCommune } = await standardExport();
  return new Response(toJson(byCommune.get((props as { insee: string }).insee) ?? []), { headers: { 'Content-Type': 'application/json' } });
};
