import type { APIRoute, GetStaticPaths } from 'astro';
import { SEARCH_FILES } from '../../../lib/routes.ts';
import { searchFileResponse, searchFiles } from '../../../site/search.ts';

export const getStaticPaths = (async () => {
  const { postcodes } = await searchFiles();
  return [...postcodes.keys()].map((prefix) => ({ params: { prefix } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => searchFileResponse(SEARCH_FILES.postcodes(params.prefix!));
