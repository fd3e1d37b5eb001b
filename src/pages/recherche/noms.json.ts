import type { APIRoute } from 'astro';
import { json, searchFiles } from '../../site/search.ts';

export const GET: APIRoute = async () => json((await searchFiles()).names);
