/**
 * The person's language, kept on this device and followed on every page:
 * - choosing a language in the menu, or reading a page in a language, keeps it (localStorage);
 * - a French page that exists in the kept language opens in it; one that exists only in French
 *   says so, in that language, with a way back;
 * - with no choice yet, a browser set to one of the site's languages suggests it, in that
 *   language: it never imposes it.
 * Without JavaScript the menu still works: its links lead to the same page in each language.
 */
import { siteLanguage } from '../i18n/locales/match.ts';
import { localizedPath, paperWordsUrl } from '../lib/routes.ts';
import { clientTranslator } from '../i18n/translate.ts';

const KEY = 'langue';
const DISMISSED = 'langue-suggeree';
const page = document.documentElement.dataset.locale ?? 'fr';
const links = [...document.querySelectorAll<HTMLAnchorElement>('.language-picker a[data-language]')];

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage refused: the choice lasts as long as the page.
  }
}

/** `floating`: above the page rather than in its flow (a suggestion, which the person can dismiss: it moves nothing). */
function notice(link: HTMLAnchorElement, text: string, actions: { label: string; href?: string; onClick?: () => void }[], floating = false): void {
  const box = document.createElement('div');
  box.className = floating ? 'language-notice floating' : 'language-notice';
  box.lang = link.lang;
  box.dir = link.dir;
  const message = document.createElement('p');
  message.textContent = text;
  box.append(message);
  const row = document.createElement('p');
  row.className = 'actions';
  for (const action of actions) {
    const element = action.href ? document.createElement('a') : document.createElement('button');
    element.className = action.href ? 'button' : 'button secondary';
    element.textContent = action.label;
    if (action.href) (element as HTMLAnchorElement).href = action.href;
    else (element as HTMLButtonElement).type = 'button';
    element.addEventListener('click', () => {
      action.onClick?.();
      if (!action.href) box.remove();
    });
    row.append(element);
  }
  box.append(row);
  document.querySelector('main')?.prepend(box);
}

for (const link of links) link.addEventListener('click', () => write(KEY, link.dataset.language!));

// The build writes each language's link to the same page, but not what this one asks: the place
// shown (« ?lieu= »), the list received (« ?lieux= »), the search. The links carry it, or the
// person who changes language lands on an empty page (« Ce lieu est introuvable »).
// Worked out again as the link is used: a search's filters ticked or typed change the address after the page opened.
const built = new Map(links.map((link) => [link, link.href]));
const carry = (link: HTMLAnchorElement) => {
  if (link.dataset.exists !== 'yes') return;
  // A French place page's links already name the place (« ?lieu= »): only the part of the page read goes with them.
  const same = new URL(localizedPath(location.pathname, link.dataset.language!, location.search) ?? built.get(link)!, location.href);
  same.hash = location.hash;
  link.href = same.href;
};
for (const link of links) {
  if (location.search || location.hash) carry(link);
  for (const type of ['pointerdown', 'focus', 'click']) link.addEventListener(type, () => carry(link));
}

const chosen = read(KEY);
if (page !== 'fr') {
  // Reading a page in a language keeps it: a shared link in Arabic opens the rest of the site in Arabic.
  write(KEY, page);
} else if (chosen && chosen !== 'fr') {
  const link = links.find((item) => item.dataset.language === chosen);
  if (link?.dataset.exists === 'yes') {
    // The same page in that language, with what this one asks (a search, a list received: see above).
    location.replace(link.href);
  } else if (link) notice(link, link.dataset.onlyFrench!, [{ label: link.dataset.back!, href: link.getAttribute('href')! }]);
} else if (!chosen && !read(DISMISSED)) {
  const offered = links.map((item) => item.dataset.language!).filter((code) => code !== 'fr' && code !== 'fr-falc');
  const wanted = navigator.languages.map((language) => siteLanguage(language, offered)).find((code) => code !== null);
  const link = wanted ? links.find((item) => item.dataset.language === wanted) : undefined;
  // Said in that language: its words come with the words of paper (/mots/), fetched only then, not carried by every page for every language.
  if (link)
    void fetch(paperWordsUrl(wanted!))
      .then((response) => response.json() as Promise<unknown>)
      .then((body) => {
        if (typeof body !== 'string') return;
        const t = clientTranslator(body);
        notice(
          link,
          t('languages.suggest'),
          [
            { label: t('languages.suggestGo'), href: link.getAttribute('href')!, onClick: () => write(KEY, wanted!) },
            { label: t('languages.stay'), onClick: () => write(DISMISSED, '1') },
          ],
          true,
        );
      })
      .catch(() => undefined);
}
