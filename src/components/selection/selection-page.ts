/**
 * <selection-page> (/selection/): the selection of this device, or the one a link carries
 * (?lieux=…), drawn from the search files (offline too). Reorder and remove; send the list;
 * print it as a list, as cut-out cards, or as a fiche d'orientation whose fields live only in
 * this page (never stored, never sent). The printed views are kept up to date as things
 * change, so the browser's own print menu prints them too.
 */
import { statusLabel, weekCompact, weekSummary } from '../../i18n/hours.ts';
import { clientTranslator, encodeWords, type Key, type Translate } from '../../i18n/translate.ts';
import { statusAt } from '../../lib/hours/status.ts';
import { wallClock } from '../../lib/dates.ts';
import { qrSvg } from '../../lib/orient/qr.ts';
import { moveEntry, parseSelection, SELECTION_PARAM, serializeSelection, withEntry, withoutEntry, type SelectionEntry } from '../../lib/orient/selection.ts';
import { selectionMessage, type SharedPlace } from '../../lib/orient/share.ts';
import { localizedPath, paperWordsUrl, placeViewUrl, SELECTION_URL, selectionUrl } from '../../lib/routes.ts';
import { formatDate, oneFullStop } from '../../lib/format.ts';
import { engine } from '../search/browser-engine.ts';
import type { SearchPlace } from '../../lib/search/row.ts';
import { conditions, placeCard } from '../../lib/card.ts';
import { cardElement, element, lineElement } from '../card.ts';
import type { ShareLinksElement } from '../share/share-links.ts';
import '../share/share-links.ts';
import { announce } from '../announce.ts';
import { readSelection, writeSelection } from './store.ts';

type View = 'list' | 'cards' | 'sheet';

/** The most characters of hours a cut-out card holds (about five lines of 7 pt beside its code). */
const CARD_HOURS_MAX = 180;
interface Kept {
  entry: SelectionEntry;
  place: SearchPlace;
}

class SelectionPage extends HTMLElement {
  private t!: Translate;
  private site!: string;
  /** A list received by a link, until kept: changes stay in the URL, not on the device. */
  private received: SelectionEntry[] | null = null;
  private kept: Kept[] = [];
  private run = 0;

  /** Paper and messages: in the person's language, chosen on the page (the screen stays in the page's). */
  private pt!: Translate;
  private paperLocale = 'fr';
  /** The person's language's words, once fetched: printing waits for them (a slow phone printed the fiche in French). */
  private paperReady: Promise<void> = Promise.resolve();
  private readonly paperWords = new Map<string, Translate>();

  connectedCallback(): void {
    this.t = clientTranslator(this.dataset.i18n!);
    this.pt = this.t;
    this.paperLocale = this.dataset.locale ?? 'fr';
    this.paperWords.set(this.paperLocale, this.t);
    this.site = location.origin;
    this.find<HTMLSelectElement>('[data-person-language]').addEventListener('change', (event) => {
      this.paperReady = this.choosePaperLanguage((event.target as HTMLSelectElement).value);
    });
    const params = new URLSearchParams(location.search);
    if (params.has(SELECTION_PARAM)) this.received = parseSelection(params.get(SELECTION_PARAM));

    this.find('[data-status]').textContent = this.t('selection.loading');
    this.find('[data-keep]').addEventListener('click', () => this.keep());
    this.find('[data-clear]').addEventListener('click', () => this.change([], this.t('selection.cleared')));
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
      button.addEventListener('click', () => void this.print(button.dataset.print as View));
    }
    const sheet = this.find<HTMLFormElement>('form[data-sheet]');
    sheet.addEventListener('input', () => this.drawSheet());
    sheet.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.print('sheet');
    });
    this.find('[data-list]').addEventListener('click', (event) => this.onListClick(event));
    document.addEventListener('selection:change', () => {
      if (!this.received) void this.load();
    });
    addEventListener('afterprint', () => delete document.documentElement.dataset.print);
    addEventListener('beforeprint', () => this.stampDate());
    void this.load();
  }

  /** The person's language: its words are fetched once (kept offline), then paper and messages are drawn again. */
  private async choosePaperLanguage(code: string): Promise<void> {
    let words = this.paperWords.get(code);
    if (!words) {
      try {
        const body = (await (await fetch(paperWordsUrl(code))).json()) as string | Record<string, string>;
        // A file kept on a device before 4 December 2026 holds the words as a JSON object, served from the cache once more.
        words = clientTranslator(typeof body === 'string' ? body : encodeWords(body));
      } catch {
        return;
      }
      this.paperWords.set(code, words);
    }
    this.pt = words;
    this.paperLocale = code;
    this.draw();
  }

  private find<T extends Element = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  private entries(): SelectionEntry[] {
    return this.received ?? readSelection();
  }

  private async load(): Promise<void> {
    const run = ++this.run;
    const entries = this.entries();
    let places: (SearchPlace | null)[];
    try {
      places = await engine.placesOf(entries);
    } catch {
      // The search files could not be read (no internet and a first visit): not "gone from the directory".
      if (run === this.run) this.find('[data-status]').textContent = this.t('selection.loadFailed');
      return;
    }
    if (run !== this.run) return;
    this.kept = entries.flatMap((entry, index) => (places[index] ? [{ entry, place: places[index] }] : []));
    const missing = entries.length - this.kept.length;
    this.find('[data-received]').hidden = !this.received || entries.length === 0;
    this.find('[data-empty]').hidden = this.kept.length > 0;
    this.find('[data-tools]').hidden = this.kept.length === 0;
    const count = this.t('selection.count', { count: this.kept.length });
    this.find('[data-status]').textContent = missing > 0 ? `${count}. ${this.t('selection.missing', { count: missing })}` : this.kept.length > 0 ? count : '';
    this.draw();
  }

  /** Saves a new order or content: on the device, or in the URL of a received list. */
  private change(entries: SelectionEntry[], message: string): void {
    if (this.received) {
      this.received = entries;
      history.replaceState(null, '', selectionUrl(serializeSelection(entries)));
      this.say(message);
      void this.load();
    } else {
      writeSelection(entries, message);
    }
  }

  /** A received list is not the device's selection: its changes are read out by the header's live region directly. */
  private say(message: string): void {
    announce(document.querySelector('selection-count [data-live]'), message);
  }

  private keep(): void {
    let entries = readSelection();
    // Only the places found: a place gone from the directory is not kept.
    for (const { entry } of this.kept) entries = withEntry(entries, entry);
    this.received = null;
    history.replaceState(null, '', selectionUrl(''));
    writeSelection(entries, this.t('selection.kept'));
  }

  private onListClick(event: Event): void {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const item = button?.closest<HTMLElement>('li[data-id]');
    if (!button || !item) return;
    const id = item.dataset.id!;
    const name = this.kept.find((kept) => kept.entry.id === id)?.place.name ?? '';
    const entries = this.kept.map((kept) => kept.entry);
    const action = button.dataset.action!;
    if (action === 'remove') {
      const next = withoutEntry(entries, id);
      const after = entries[entries.findIndex((entry) => entry.id === id) + 1] ?? next.at(-1);
      this.focusAfterDraw = after ? { id: after.id, action: 'remove' } : null;
      this.change(next, this.t('selection.removed', { name, places: this.t('selection.count', { count: next.length }) }));
    } else {
      const next = moveEntry(entries, id, action === 'up' ? -1 : 1);
      const position = next.findIndex((entry) => entry.id === id) + 1;
      this.focusAfterDraw = { id, action };
      this.change(next, this.t('selection.moved', { name, position }));
    }
  }

  private focusAfterDraw: { id: string; action: string } | null = null;

  private draw(): void {
    const now = new Date();
    const list = this.find('[data-list]');
    list.replaceChildren(...this.kept.map((kept, index) => this.item(kept.place, index, now)));
    const serialized = serializeSelection(this.kept.map((kept) => kept.entry));
    // Paper and messages lead to the list and the places in the person's language.
    const url = new URL(`${localizedPath(SELECTION_URL, this.paperLocale) ?? SELECTION_URL}?${SELECTION_PARAM}=${serialized}`, this.site).href;
    const qr = this.find('[data-selection-qr]');
    // No address written under it: a list's address is too long to type.
    qr.innerHTML = this.kept.length > 0 ? qrSvg(url, this.pt('print.qrSelection')) : '';
    this.find('[data-print-title]').textContent = this.pt('print.listTitle');
    this.paperLanguage(this.find('[data-print-view="list"]'));
    this.find('[data-paper-list]').replaceChildren(...this.kept.map((kept) => this.paperItem(kept.place)));
    const shared = this.kept.map((kept) => this.shared(kept.place));
    this.find<ShareLinksElement>('share-links').setMessage?.(this.pt('share.subjectMany'), selectionMessage(this.pt, shared, url, now), url);
    this.drawCards();
    this.drawSheet();
    if (this.focusAfterDraw) {
      const { id, action } = this.focusAfterDraw;
      const item = list.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"]`);
      (item?.querySelector<HTMLButtonElement>(`button[data-action="${action}"]:not([disabled])`) ?? item?.querySelector<HTMLButtonElement>('button[data-action="remove"]'))?.focus();
      if (!item) this.find('[data-status]').focus();
      this.focusAfterDraw = null;
    }
  }

  private shared(place: SearchPlace): SharedPlace {
    return {
      name: place.title || place.name,
      street: place.street,
      city: place.commune,
      phone: place.phone,
      conditions: conditions(this.pt, place),
      schedule: place.schedule,
      url: new URL(placeViewUrl(this.paperLocale, place), this.site).href,
    };
  }

  /** A printed view in the person's language: its words, direction and the language of its text. */
  private paperLanguage(view: HTMLElement): void {
    view.lang = this.paperLocale === 'fr-falc' ? 'fr' : this.paperLocale;
    view.dir = ['ar', 'fa', 'ps'].includes(this.paperLocale) ? 'rtl' : 'ltr';
  }

  /** One place on the printed list, in the person's language: the card, its usual week, and a code to its page. */
  private paperItem(place: SearchPlace): HTMLElement {
    const qr = this.qr(place);
    qr.classList.add('print-only');
    return cardElement(placeCard(this.pt, place), {
      href: placeViewUrl(this.paperLocale, place),
      heading: 'h2',
      middle: [this.week(place, this.pt)],
      body: 'selection-body',
      aside: [qr],
      attributes: { class: 'card selection-item' },
    });
  }

  /**
   * The usual week on a cut-out card, in few lines (« Du lundi au vendredi : … »). A week too
   * long for the card's room is not cut: the card sends to its code instead.
   */
  private cardHours(place: SearchPlace): HTMLElement {
    const t = this.pt;
    const lines = place.schedule ? weekCompact(t, place.schedule.week) : [];
    const text = !place.schedule ? weekSummary(t, null, Boolean(place.phone)) : lines.length === 0 ? t('hours.closedAllDay') : lines.join(t('hours.separator'));
    return element('p', { class: 'cut-hours' }, text.length > CARD_HOURS_MAX ? t('print.hoursScan') : text);
  }

  /** A code to the place's page in the person's language. No address under it: too long to type from a list (the place page prints it). */
  private qr(place: SearchPlace): HTMLElement {
    const url = new URL(placeViewUrl(this.paperLocale, place), this.site).href;
    const figure = element('figure', { class: 'qr-block' });
    figure.innerHTML = qrSvg(url, this.pt('print.qrPlace', { name: place.title || place.name }));
    return figure;
  }

  private item(place: SearchPlace, index: number, now: Date): HTMLElement {
    const card = placeCard(this.t, place);
    const status = statusAt(place.schedule, now);
    const tools = element('div', { class: 'actions no-print' });
    // The name tells apart the buttons of the list; the visible words come first (what voice control users say).
    const button = (action: string, text: string, disabled: boolean) => {
      const node = element('button', { type: 'button', class: 'button secondary', 'data-action': action, 'aria-label': this.t('selection.itemAction', { action: text, name: card.name }) }, text);
      if (disabled) node.setAttribute('disabled', '');
      return node;
    };
    tools.append(button('up', this.t('selection.up'), index === 0), button('down', this.t('selection.down'), index === this.kept.length - 1), button('remove', this.t('selection.remove'), false));
    return cardElement(card, {
      href: placeViewUrl(this.dataset.locale ?? 'fr', place),
      heading: 'h2',
      middle: [element('p', { class: 'status no-print', 'data-state': status.state }, statusLabel(this.t, status))],
      body: 'selection-body',
      aside: [tools],
      attributes: { class: 'card selection-item', 'data-id': place.id },
    });
  }

  /** The usual week, for paper (the list and the fiche): « Du lundi au vendredi : … », or unknown. */
  private week(place: SearchPlace, t: Translate): HTMLElement {
    return element('p', {}, weekSummary(t, place.schedule?.week ?? null, Boolean(place.phone)));
  }

  /** A cut-out card: the card's name, address, phone and what the place asks (a referral, an appointment), the usual week, a code. */
  private cutCard(place: SearchPlace): HTMLElement {
    const card = placeCard(this.pt, place);
    const name = element('p', { class: 'place-name' });
    name.append(element('a', { href: placeViewUrl(this.paperLocale, place) }, card.name));
    const text = element('div', {});
    text.append(name, ...[...card.head, ...card.tail].filter((line) => line.class === 'where' || line.class === 'phone' || line.class === 'conditions').map(lineElement), this.cardHours(place));
    const cut = element('div', { class: 'cut-card' });
    cut.append(text, this.qr(place));
    return cut;
  }

  private drawCards(): void {
    const cards = this.kept.map(({ place }) => this.cutCard(place));
    // Eight to a page: each page its own grid, so that no card is cut by a page break.
    const pages: HTMLElement[] = [];
    for (let i = 0; i < cards.length; i += 8) {
      const page = element('div', { class: 'cut-page' });
      page.append(...cards.slice(i, i + 8));
      pages.push(page);
    }
    const view = this.find('[data-print-view="cards"]');
    this.paperLanguage(view);
    view.replaceChildren(...pages);
  }

  private drawSheet(): void {
    const form = this.find<HTMLFormElement>('form[data-sheet]');
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const t = this.pt;
    const sheet: HTMLElement[] = [element('p', { class: 'print-title' }, t('sheet.title'))];
    const line = (key: Key, name: string, variable: string) => {
      if (value(name)) sheet.push(element('p', {}, t(key, { [variable]: value(name) })));
    };
    line('sheet.printedFor', 'person', 'person');
    line('sheet.needLine', 'need', 'need');
    line('sheet.notesLine', 'notes', 'notes');
    sheet.push(element('h2', {}, t(this.kept.length > 1 ? 'sheet.placesMany' : 'sheet.places')));
    for (const { place } of this.kept) {
      sheet.push(
        cardElement(placeCard(t, place), {
          tag: 'div',
          href: placeViewUrl(this.paperLocale, place),
          middle: [this.week(place, t)],
          body: 'sheet-text',
          aside: [this.qr(place)],
          attributes: { class: 'sheet-place' },
        }),
      );
    }
    const from = element('div', { class: 'sheet-from' });
    if (value('structure')) from.append(element('p', {}, t('sheet.from', { structure: value('structure') })));
    if (value('phone')) from.append(element('p', {}, t('sheet.fromPhone', { phone: value('phone') })));
    sheet.push(from, element('p', { 'data-printed-on': '' }));
    const view = this.find('[data-print-view="sheet"]');
    this.paperLanguage(view);
    view.replaceChildren(...sheet);
  }

  /** The views are drawn as things change: printing only chooses one. */
  /** « Imprimé le … »: the day it is printed (from the browser's menu too), in the person's language. */
  private stampDate(): void {
    for (const node of this.querySelectorAll('[data-printed-on]'))
      node.textContent = oneFullStop(this.pt('print.printedOn', { date: formatDate(wallClock(new Date(), 'Europe/Paris').date, this.pt.locale) }));
  }

  private async print(view: View): Promise<void> {
    await this.paperReady;
    this.stampDate();
    document.documentElement.dataset.print = view;
    window.print();
  }
}

customElements.define('selection-page', SelectionPage);
