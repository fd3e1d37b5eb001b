import type { APIRoute } from 'astro';
import { getDirectory } from '../../site/data.ts';
import { toGeoJson } from '../../lib/interop/export.ts';

/** Every place, those without a street address included, as GeoJSON points. */
export const GET: APIRoute = async ({ site }) => {
  const directory = await getDirectory();
  return new Response(toGeoJson(directory.places, site), { headers: { 'Content-Type': 'application/geo+json' } });
};
