import type { APIRoute, GetStaticPaths } from 'astro';
import { json, searchFiles } from '../../../site/search.ts';

export const getStaticPaths = (async () => {
  const { shards } = await searchFiles();
  return [...shards.keys()].map((code) => ({ params: { departement: code.toLowerCase() } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => json((await searchFiles()).shards.get(params.departement!.toUpperCase()));
