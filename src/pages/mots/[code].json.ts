/**
 * The words a printed list, cut-out cards, a fiche d'orientation and the messages need, in each
 * language: a social worker prints or sends in the person's language while the screen stays in
 * theirs (src/components/selection/selection-page.ts). Small, kept offline. The words are
 * written as for a page's scripts (encodeWords()), in a JSON string.
 */
import type { APIRoute } from 'astro';
import { LOCALE_CODES } from '../../i18n/locales/index.ts';
import { PAPER_WORDS, wordsFor } from '../../i18n/page.ts';

export const getStaticPaths = () => LOCALE_CODES.map((code) => ({ params: { code } }));

export const GET: APIRoute = ({ params }) => new Response(JSON.stringify(wordsFor(params.code!).clientWords(...PAPER_WORDS)), { headers: { 'Content-Type': 'application/json' } });
