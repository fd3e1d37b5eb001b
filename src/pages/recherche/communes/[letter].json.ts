import type { APIRoute, GetStaticPaths } from 'astro';
import { packCommunes } from '../../../lib/search/data.ts';
import { json, searchFiles } from '../../../site/search.ts';

export const getStaticPaths = (async () => {
  const { communes } = await searchFiles();
  return [...communes.keys()].map((letter) => ({ params: { letter } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => json(packCommunes((await searchFiles()).communes.get(params.letter!)!));
