/**
 * End-to-end tests drive Debian's Chromium (Playwright cannot download its own browser here).
 * Installs it with apt-get when missing and we are root; otherwise says what to do.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  if (process.getuid?.() === 0) {
    console.log(`Chromium manque (${path}) : installation avec apt-get…`);
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.error(`Chromium manque (${path}). Installez-le : sudo apt-get install -y chromium, ou donnez son chemin dans CHROMIUM_PATH.`);
    process.exit(1);
  }
}
