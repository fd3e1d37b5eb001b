import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { correctionRecord } from '../../../lib/correction/records.ts';
import { getDirectory } from '../../../site/data.ts';

export const getStaticPaths = (async () => {
  const directory = await getDirectory();
  return [...directory.departements.values()].filter((summary) => summary.placeCount > 0).map((summary) => ({ params: { departement: summary.departement.code.toLowerCase() }, props: { summary } }));
}) satisfies GetStaticPaths;

/** The current records of a département's places, by id (see lib/correction/records.ts). */
export const GET: APIRoute = ({ props }) => {
  const { summary } = props as InferGetStaticPropsType<typeof getStaticPaths>;
  const records = Object.fromEntries(summary.communes.flatMap((commune) => commune.places).map((place) => [place.id, correctionRecord(place)]));
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
