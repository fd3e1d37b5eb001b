import type { APIRoute, GetStaticPaths } from 'astro';
import { SEARCH_FILES } from '../../../lib/routes.ts';
import { searchFileResponse, searchFiles } from '../../../site/search.ts';

export const getStaticPaths = (async () => {
  const { shards } = await searchFiles();
  return [...shards.keys()].map((code) => ({ params: { departement: code.toLowerCase() } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => searchFileResponse(SEARCH_FILES.places(params.departement!));
