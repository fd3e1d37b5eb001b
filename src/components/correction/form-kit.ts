/**
 * What the data forms share (<correction-form>, <charter-form>): the commune list of a
 * postcode, the error summary that links to each field, and the result that offers the file,
 * the e-mail and the forge's edit link.
 */
import type { Translate } from '../../i18n/translate.ts';
import { forgeEditLink, forgeIssueLink, type Forge } from '../../lib/forge.ts';
import { mailtoHref } from '../../lib/orient/share.ts';
import { engine } from '../search/browser-engine.ts';

/** Fills a <select> with the communes of a postcode, keeping `keep` when it is one of them. */
export async function fillCommunes(select: HTMLSelectElement, postcode: string, keep: string, t: Translate): Promise<void> {
  if (!/^\d{5}$/.test(postcode)) {
    select.replaceChildren(new Option('—', ''));
    return;
  }
  const communes = await engine.communesWithPostcode(postcode).catch(() => []);
  if (communes.length === 0) {
    select.replaceChildren(new Option(t('correction.communeNone'), ''));
    return;
  }
  select.replaceChildren(...communes.map((commune) => new Option(commune.name, commune.insee, false, commune.insee === keep)));
  if (!communes.some((commune) => commune.insee === keep)) select.value = communes[0]!.insee;
}

/** The list of problems, each a link to its field (marked aria-invalid); hidden when there is none. Returns true when shown. */
export function showProblems(box: HTMLElement, form: HTMLFormElement, items: readonly (readonly [string, string])[], t: Translate): boolean {
  for (const element of form.querySelectorAll('[aria-invalid]')) element.removeAttribute('aria-invalid');
  if (items.length === 0) {
    box.hidden = true;
    box.replaceChildren();
    return false;
  }
  const list = document.createElement('ul');
  for (const [id, text] of items) {
    document.getElementById(id)?.setAttribute('aria-invalid', 'true');
    const link = document.createElement('a');
    link.href = `#${id}`;
    link.textContent = text;
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  const title = document.createElement('p');
  title.className = 'error-title';
  title.textContent = t('correction.errorsTitle', { count: items.length });
  box.replaceChildren(title, list);
  box.hidden = false;
  box.focus();
  return true;
}

/** The ways this site has to receive a data file (site.yaml), given to the form by its page. */
export interface Ways {
  email: string | null;
  forge: Forge | null;
}

export function waysOf(element: HTMLElement): Ways {
  return { email: element.dataset.email || null, forge: element.dataset.forge ? (JSON.parse(element.dataset.forge) as Forge) : null };
}

export interface Offer {
  title: string;
  lines: readonly string[];
  /** The data file: its path in the project and its text. */
  file: string;
  text: string;
  /** The message that carries it: by e-mail, or as an issue on the forge. */
  message: { subject: string; body: string };
  /** Whether the file already exists in the project (it can then be edited on the forge). */
  exists: boolean;
}

let objectUrl: string | null = null;

/** Shows the result: what changes, then the file to download, the e-mail, the edit link. */
export function showOffer(result: HTMLElement, offer: Offer, ways: Ways): void {
  const find = <T extends HTMLElement = HTMLElement>(selector: string) => result.querySelector<T>(selector)!;
  find('[data-result-title]').textContent = offer.title;
  find('[data-changes]').replaceChildren(
    ...offer.lines.map((line) => {
      const item = document.createElement('li');
      item.textContent = line;
      return item;
    }),
  );
  if (objectUrl) URL.revokeObjectURL(objectUrl);
  objectUrl = URL.createObjectURL(new Blob([offer.text], { type: 'application/yaml' }));
  const download = find<HTMLAnchorElement>('[data-download]');
  download.href = objectUrl;
  download.download = offer.file.split('/').at(-1)!;
  // Only the ways this site really has: never a promise it cannot keep.
  const mail = find<HTMLAnchorElement>('[data-mail]');
  mail.hidden = find('[data-mail-hint]').hidden = !ways.email;
  if (ways.email) mail.href = mailtoHref(offer.message.subject, offer.message.body, ways.email);
  const issue = find<HTMLAnchorElement>('[data-issue-link]');
  issue.hidden = find('[data-issue-hint]').hidden = !ways.forge;
  // The first way offered is the main button.
  issue.classList.toggle('secondary', Boolean(ways.email));
  if (ways.forge) issue.href = forgeIssueLink(ways.forge, offer.message.subject, offer.message.body);
  const edit = find<HTMLAnchorElement>('[data-edit-link]');
  edit.hidden = !ways.forge || !offer.exists;
  if (ways.forge) edit.href = forgeEditLink(ways.forge, offer.file);
  find('[data-no-way]').hidden = Boolean(ways.email || ways.forge);
  result.hidden = false;
  find('[data-result-title]').focus();
}
