import type { APIRoute, GetStaticPaths } from 'astro';
import { json, searchFiles } from '../../../site/search.ts';

export const getStaticPaths = (async () => {
  const { postcodes } = await searchFiles();
  return [...postcodes.keys()].map((prefix) => ({ params: { prefix } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => json((await searchFiles()).postcodes.get(params.prefix!));
