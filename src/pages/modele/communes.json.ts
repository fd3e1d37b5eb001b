/** The communes without a known place, with what their pages show (see src/site/placeless.ts). */
import type { APIRoute } from 'astro';
import { getDirectory } from '../../site/data.ts';
import { placelessOf } from '../../site/placeless.ts';
import { territoriesOf } from '../../site/territories.ts';

export const GET: APIRoute = async () => {
  const directory = await getDirectory();
  return new Response(JSON.stringify(placelessOf(directory, territoriesOf(directory))), { headers: { 'Content-Type': 'application/json' } });
};
