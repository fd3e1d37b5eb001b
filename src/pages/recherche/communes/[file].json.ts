import type { APIRoute, GetStaticPaths } from 'astro';
import { SEARCH_FILES } from '../../../lib/routes.ts';
import { searchFileResponse, searchFiles } from '../../../site/search.ts';

export const getStaticPaths = (async () => {
  const { communes } = await searchFiles();
  return [...communes.keys()].map((file) => ({ params: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => searchFileResponse(SEARCH_FILES.communes(params.file!));
