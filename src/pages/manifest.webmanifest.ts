import type { APIRoute } from 'astro';
import { LOCALE, t } from '../i18n/index.ts';
import { HOME_URL } from '../lib/routes.ts';
import { APP_COLOURS, APP_ICONS } from '../offline/app.ts';

/** The web app manifest: "Ajouter à l'écran d'accueil" opens the site as an app. */
export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      name: t('site.name'),
      short_name: t('app.shortName'),
      description: t('app.description'),
      lang: LOCALE,
      dir: 'ltr',
      id: HOME_URL,
      start_url: HOME_URL,
      scope: HOME_URL,
      display: 'standalone',
      theme_color: APP_COLOURS.theme,
      background_color: APP_COLOURS.background,
      icons: APP_ICONS,
    }),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
