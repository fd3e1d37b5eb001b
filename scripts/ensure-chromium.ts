/**
 * End-to-end tests drive Debian's Chromium (Playwright cannot download its own browser here),
 * and read printed pages back with poppler-utils (PDF to text and images) and zbar-tools (QR
 * codes), and serve the built site with nginx. Installs what is missing with apt-get when we are root; otherwise says what to do.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const needs = [
  { file: chromium, apt: 'chromium' },
  { file: '/usr/bin/pdftotext', apt: 'poppler-utils' },
  { file: '/usr/bin/zbarimg', apt: 'zbar-tools' },
  // The built site is also served by Debian's nginx, with the configuration the build writes.
  { file: '/usr/sbin/nginx', apt: 'nginx' },
].filter((need) => !existsSync(need.file));
if (needs.length > 0) {
  const packages = needs.map((need) => need.apt).join(' ');
  if (process.getuid?.() === 0) {
    console.log(`Manque : ${needs.map((need) => need.file).join(', ')}. Installation avec apt-get…`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: 'inherit' });
  } else {
    console.error(
      `Manque : ${needs.map((need) => need.file).join(', ')}. Installez : sudo apt-get install -y ${packages}${needs.some((need) => need.apt === 'chromium') ? ', ou donnez le chemin de Chromium dans CHROMIUM_PATH' : ''}.`,
    );
    process.exit(1);
  }
}
