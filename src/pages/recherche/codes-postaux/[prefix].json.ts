import type { APIRoute, GetStaticPaths } from 'astro';
import { packPostcodes } from '../../../lib/search/data.ts';
import { json, searchFiles } from '../../../site/search.ts';

export const getStaticPaths = (async () => {
  const { postcodes } = await searchFiles();
  return [...postcodes.keys()].map((prefix) => ({ params: { prefix } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => json(packPostcodes((await searchFiles()).postcodes.get(params.prefix!)!));
