import type { APIRoute } from 'astro';
import { SEARCH_FILES } from '../../lib/routes.ts';
import { searchFileResponse } from '../../site/search.ts';

export const GET: APIRoute = async () => searchFileResponse(SEARCH_FILES.meta);
