/** The installed app's colours and icons (public/icons/, drawn from public/favicon.svg). */
export const APP_COLOURS = { theme: '#0b4f8a', background: '#ffffff' } as const;

export const APP_ICONS = [
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
] as const;
