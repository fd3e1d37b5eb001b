/**
 * <search-panel>: the search form, enhanced. Runs the search in the browser
 * (lib/search/engine.ts), keeps the query and filters in the URL (./state.ts), renders
 * results as text (./render.ts) and talks to the map through typed events (../events.ts).
 * Its words come from its `data-i18n` attribute.
 */
import { clientTranslator, type Translate } from '../../i18n/translate.ts';
import { fillOf } from '../../i18n/french.ts';
import type { NamedDepartement, Result, SearchOutcome, SearchRequest } from '../../lib/search/engine.ts';
import { engine } from './browser-engine.ts';
import { MAX_QUERY } from '../../lib/search/query.ts';
import { hasFilters } from '../../lib/search/judge.ts';
import { localizedPath, SEARCH_URL } from '../../lib/routes.ts';
import { departementPage } from './departement-page.ts';
import { emit } from '../events.ts';
import { intlReady } from '../intl-ready.ts';
import { currentPosition, PositionError } from './geolocation.ts';
import { element } from '../card.ts';
import { communeName, departementLabel, outcomePoints, outcomeStatus, printCodes, readingLine, resultCard, type CardContext } from './render.ts';
import { SLICE_MS, yieldToFrame, yieldToPage } from '../../lib/yield.ts';
import { activeFilters, fillForm, filtersFrom, filtersSaid, filterWordsOf, paramsFromForm, withoutFilter, withoutFilters, zoneFrom } from './state.ts';

/** The map's section, hidden on the search page until its results are drawn (or asked for with « Voir sur la carte »). */
function showMapSection(): void {
  document.querySelector('[data-map-section][hidden]:not([data-map-failed])')?.removeAttribute('hidden');
}

/**
 * A link to the page of a département the query named: its places, commune by commune (« lozere »,
 * « france services 12 »). Here, not in render.ts: the commune and département pages draw cards
 * without it (their JavaScript budgets; see also departement-page.ts).
 */
function departementLink(t: Translate, departement: NamedDepartement): HTMLElement {
  const line = element('p', { 'data-departement-link': '' });
  line.append(element('a', { href: departementPage(departement.code, departement.name) }, t('search.departementLink', { departement: departementLabel(departement) })));
  return line;
}

/** Results shown at first, and added by each "Voir plus". */
const PAGE = 20;
/**
 * Cards drawn at once, before any yield: the first screenful of a phone (at 390×844 the first card
 * starts about 610 px down, the second below the screen). The page then shows it with the status,
 * and the rest follow in slices.
 */
const FIRST_CARDS = 1;
/**
 * Cards drawn in one frame at most. Laying out and painting a card costs the browser more than
 * drawing it costs the script (about 3.5 ms against 1.5 on a slow phone, measured with Chromium's
 * trace): 20 cards in one frame held a slow phone for 75 to 106 ms.
 */
const CARDS_PER_FRAME = 4;

class SearchPanel extends HTMLElement {
  private t!: Translate;
  private filterWords = new Map<string, string>();
  private form!: HTMLFormElement;
  private input!: HTMLInputElement;
  private status!: HTMLElement;
  private output!: HTMLElement;
  private near: { lat: number; lon: number } | null = null;
  private run = 0;
  /** How many results to show: grows with "Voir plus". */
  private limit = PAGE;
  private points: ReturnType<typeof outcomePoints> = null;
  /** Each drawing of results: a newer one stops an older one still drawing its cards. */
  private drawing = 0;
  /** The first page drawn early (see SearchRequest.onFirst), from its first card: the whole outcome keeps the cards drawn and adds the rest. */
  private early: { run: number; ids: string; list: HTMLOListElement } | null = null;
  /** The search page of the page's language: /recherche/, /ar/recherche/… */
  private readonly searchPath = localizedPath(SEARCH_URL, document.documentElement.dataset.locale ?? 'fr') ?? SEARCH_URL;
  private readonly onSearchPage = location.pathname === this.searchPath;

  private searchUrl(params: URLSearchParams): string {
    return params.size > 0 ? `${this.searchPath}?${params}` : this.searchPath;
  }
  /** The site's address, for the codes printed with the results. */
  private site = '';

  connectedCallback(): void {
    this.t = clientTranslator(this.dataset.i18n!, fillOf(document.documentElement.lang));
    this.filterWords = filterWordsOf(this.t);
    // The results' « Ouvert maintenant » needs the date formats: loaded off the page while the person types.
    void intlReady();
    this.form = this.querySelector('form')!;
    this.input = this.form.querySelector('input[name="q"]')!;
    this.status = this.querySelector('[data-search-status]')!;
    this.output = this.querySelector('[data-search-output]')!;

    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.go(paramsFromForm(this.form), true);
    });
    this.form.addEventListener('change', (event) => this.onFilterChange(event));
    this.querySelector('[data-near-me]')!.addEventListener('click', () => void this.locate());
    this.querySelector('[data-search-edit]')!.addEventListener('click', () => this.collapse(this.dataset.collapsed !== 'true'));
    // Shown with the first cards, before the map's section (see search()): asked for, the section comes.
    this.querySelector('[data-search-map-link]')!.addEventListener('click', showMapSection);
    addEventListener('popstate', () => {
      const params = new URLSearchParams(location.search);
      fillForm(this.form, params);
      void this.search(params);
    });
    this.listenToMap();
    this.prefetchWhileTyping();
    this.site = location.origin;
    addEventListener('beforeprint', () => printCodes(this.t, this.output, this.site, true));

    if (this.onSearchPage) {
      // A link may say filters in its words (« ?q=wifi gratuit lille »): moved to their fields, as from the form.
      const params = filtersSaid(new URLSearchParams(location.search), this.filterWords);
      if (params.toString() !== new URLSearchParams(location.search).toString()) history.replaceState(null, '', this.searchUrl(params));
      fillForm(this.form, params);
      if (params.size > 0) {
        this.showSummary(false);
        void this.search(params);
      }
    }
    // Ready: people (and tests) may search from here on, offline too once the data is cached.
    this.dataset.ready = 'true';
  }

  private listenToMap(): void {
    document.addEventListener('map:ready', () => emit('search:results', { points: this.points }));
    // A marker chosen on the map marks its card, and the page stays where it is: the person is
    // reading the marker's popup. Scrolling to the card took a phone 9,600 px up, away from the map.
    document.addEventListener('list:highlight', ({ detail: { id } }) => {
      for (const card of this.output.querySelectorAll<HTMLElement>('.card')) card.classList.toggle('is-highlighted', card.dataset.id === id);
    });
    document.addEventListener('map:search-area', ({ detail: { lat, lon } }) => {
      const params = paramsFromForm(this.form);
      params.delete('q');
      params.set('zone', `${lat.toFixed(3)},${lon.toFixed(3)}`);
      this.input.value = '';
      this.go(params, true);
    });
  }

  /** The search under way comes from a filter ticked in the open form: the form stays open (see showSummary()). */
  private filtering = false;

  private onFilterChange(event: Event): void {
    if (!this.onSearchPage || event.target === this.input) return;
    this.filtering = this.dataset.collapsed !== 'true';
    const params = paramsFromForm(this.form);
    const current = new URLSearchParams(location.search);
    if (current.get('autour') === '1') params.set('autour', '1');
    if (current.get('zone')) params.set('zone', current.get('zone')!);
    if (current.get('commune') && params.get('q') === current.get('q')) params.set('commune', current.get('commune')!);
    this.go(params, false);
  }

  private say(text: string): void {
    this.status.textContent = text;
  }

  /** The status of an outcome: what was understood of the query comes first, in the same live region, read out together. */
  private writeStatus(outcome: SearchOutcome, text: string): void {
    const reading = readingLine(this.t, outcome, this.serviceName);
    this.status.replaceChildren();
    if (reading) this.status.append(element('span', { class: 'search-reading', 'data-search-reading': '' }, reading), ' ');
    this.status.append(text);
  }

  /**
   * The form shrinks to « Modifier la recherche », with « Voir sur la carte » when there are places:
   * both before the first card is drawn, so that they never push the cards down once there
   * (a person about to tap a card would tap another).
   */
  private showSummary(mapped: boolean): void {
    this.querySelector<HTMLElement>('[data-search-summary]')!.hidden = false;
    this.querySelector<HTMLElement>('[data-search-map-link]')!.hidden = !mapped;
    // A filter just ticked: the person may tick another; the box keeps the focus, the page does not jump.
    if (!this.filtering) this.collapse(true);
  }

  /** After a search the form shrinks to a button, so that the first result shows on a phone's first screen. */
  private collapse(collapsed: boolean): void {
    this.dataset.collapsed = String(collapsed);
    this.querySelector('[data-search-edit]')!.setAttribute('aria-expanded', String(!collapsed));
    if (!collapsed) this.input.focus();
  }

  /** The name a service has in the form (its checkbox's label). */
  private serviceName = (id: string): string => this.form.querySelector(`input[name="service"][value="${CSS.escape(id)}"]`)?.parentElement?.textContent?.trim() ?? id;

  /** A chip was tapped: its button goes with the search it asks, the focus goes to the chips left (see showChips()). */
  private chipTapped = false;

  /** The active filters, each a button that removes it, and "Tout effacer". */
  private showChips(params: URLSearchParams): void {
    const chips = this.querySelector<HTMLElement>('[data-search-chips]')!;
    chips.replaceChildren();
    // The chip tapped is gone: the focus goes to the first one left, else to « Modifier la recherche », never to the top of the page.
    const refocus = this.chipTapped;
    this.chipTapped = false;
    const focusLeft = () => {
      if (!refocus) return;
      const edit = this.querySelector<HTMLElement>('[data-search-edit]')!;
      (chips.querySelector<HTMLElement>('button') ?? (edit.checkVisibility() ? edit : this.input)).focus();
    };
    const active = activeFilters(params);
    if (active.length === 0) {
      focusLeft();
      return;
    }
    const list = element('ul');
    for (const chip of active) {
      const control = this.form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${chip.name}"]${chip.name === 'service' ? `[value="${CSS.escape(chip.value)}"]` : ''}`);
      const text =
        control instanceof HTMLSelectElement
          ? (control.querySelector<HTMLOptionElement>(`option[value="${CSS.escape(chip.value)}"]`)?.textContent ?? chip.value)
          : (control?.parentElement?.textContent?.trim() ?? chip.value);
      const button = element('button', { type: 'button', class: 'chip', 'aria-label': this.t('search.removeFilter', { label: text }) }, `${text} ✕`);
      button.addEventListener('click', () => {
        const next = withoutFilter(params, chip);
        fillForm(this.form, next);
        this.chipTapped = true;
        this.go(next, true);
      });
      const item = element('li');
      item.append(button);
      list.append(item);
    }
    const clear = element('button', { type: 'button', class: 'chip chip-clear' }, this.t('search.clearAll'));
    clear.addEventListener('click', () => {
      const next = withoutFilters(params);
      fillForm(this.form, next);
      this.chipTapped = true;
      this.go(next, true);
    });
    const item = element('li');
    item.append(clear);
    list.append(item);
    chips.append(list);
    focusLeft();
  }

  /**
   * The cards of results from the list's own count on (a first page drawn early may have some
   * already), in slices (see show()); false when a newer drawing took over (`current` no longer true).
   */
  private async drawCards(list: HTMLOListElement, results: readonly Result[], context: CardContext, current: () => boolean): Promise<boolean> {
    const from = list.children.length;
    let sliceStart = performance.now();
    let inSlice = 0;
    for (let index = from; index < results.length; index++) {
      const result = results[index]!;
      // A task of its own for the first cards too: the engine's last step and the first screenful
      // together held a slow phone for 80 ms. After the first screenful, each slice waits for the
      // frame that shows the one before it; so does the rest of a list begun by an earlier drawing.
      if (index === from || index === FIRST_CARDS || (index > FIRST_CARDS && (inSlice === CARDS_PER_FRAME || performance.now() - sliceStart > SLICE_MS))) {
        await (index === 0 ? yieldToPage() : yieldToFrame());
        if (!current()) return false;
        sliceStart = performance.now();
        inSlice = 0;
      }
      inSlice += 1;
      const card = resultCard(this.t, result, this.serviceName, context);
      const highlight = () => emit('map:highlight', { id: result.id });
      card.addEventListener('focusin', highlight);
      card.addEventListener('mouseenter', highlight);
      list.append(card);
    }
    return true;
  }

  /**
   * Draws an outcome. The cards come in slices: the first screenful at once, the rest a few at a
   * time, yielding to the page between slices, so that no task holds a slow phone for long.
   * Resolves once every card is drawn; a newer search (`mine` no longer the last) stops it.
   */
  private async show(outcome: SearchOutcome, params: URLSearchParams, mine = this.run): Promise<void> {
    const drawn = ++this.drawing;
    const partial = outcome.type === 'results' && outcome.partial === true;
    // The first page drawn early is the whole outcome's first page: its cards stay, even when the
    // outcome comes before they are all drawn (a slow phone draws a few per frame).
    const ids = outcome.type === 'results' || outcome.type === 'by-name' ? outcome.results.map((result) => result.id).join(' ') : '';
    // Only this search's: a newer search's outcome with the same places has other distances, statuses or day.
    // The first page may come in parts (« Emmaüs Lille »: Lille's and Roubaix's places, then the others): each starts with the one before.
    const early = this.early;
    const kept = ids !== '' && early?.run === mine && (ids === early.ids || ids.startsWith(`${early.ids} `)) ? early.list : null;
    this.early = null;
    // The kept list stays where it is: taken out and put back, the browser would lay out all its
    // cards again (a slow phone's longest task, 650 objects).
    if (kept) {
      for (const child of [...this.output.childNodes]) if (child !== kept) child.remove();
    } else {
      this.output.replaceChildren();
    }
    const context: CardContext = { when: filtersFrom(params).when, site: this.site, locale: document.documentElement.dataset.locale ?? 'fr' };
    const current = () => mine === this.run && drawn === this.drawing;
    if (partial) {
      // The cards, and a status that says the rest is being read: the counts are not known yet.
      if (outcome.results.length > 0) {
        this.showSummary(true);
        // About as long as the counts that come after it: they move the cards little, if at all.
        this.writeStatus(outcome, this.t('search.nearestFirst'));
      }
      const list = kept ?? element('ol', { class: 'cards results' });
      if (!kept) this.output.append(list);
      this.early = { run: mine, ids, list };
      await this.drawCards(list, outcome.results, context, current);
      return;
    }
    this.points = outcomePoints(this.t, outcome);
    emit('search:results', { points: this.points });
    // A département named where no commune is (« lozere »): said so, its page linked below.
    const departement = outcome.type === 'none' ? outcome.departement : undefined;
    this.writeStatus(outcome, departement ? this.t('search.departementOnly', { departement: departementLabel(departement) }) : outcomeStatus(this.t, outcome));
    this.showChips(params);
    // Results, or communes to choose from: the form shrinks, so that they are on the first screen of a phone.
    // No place found: the form stays shrunk too, so that the status and its way out are on the first screen.
    const found = (outcome.type === 'results' || outcome.type === 'by-name') && outcome.results.length > 0;
    if (found || outcome.type === 'choose' || outcome.type === 'none') this.showSummary(found);
    else {
      // A commune to type (« Dites-nous où vous cherchez »): the form opens again, its field ready.
      this.querySelector<HTMLElement>('[data-search-summary]')!.hidden = true;
      if (this.dataset.collapsed === 'true') this.collapse(false);
    }
    if ((outcome.type === 'none' || outcome.type === 'need-location') && outcome.departement) this.output.append(departementLink(this.t, outcome.departement));
    // « باريس », « طباعة مرسيليا »: the communes' names are written in Latin letters (Cyrillic is read so, see latinOf()).
    const notLatin = outcome.type === 'none' ? outcome.query : outcome.type === 'need-location' ? outcome.reading.unknown.join(' ') : '';
    if (/(?!\p{Script=Latin})\p{L}/u.test(notLatin)) this.output.append(element('p', { 'data-latin-hint': '' }, this.t('search.latinLetters')));
    if (outcome.type === 'none') {
      // Ways out that need no word of French: the places around the person (the régions' pages are in French only).
      // Its words are the form's own button's (the page's script carries only the words it writes).
      // Shown only while the form, and its own « Autour de moi », is shrunk away (a phone: see global.css).
      const near = element('button', { type: 'button', class: 'button secondary', 'data-none-near-me': '' }, this.querySelector('[data-near-me]')!.textContent.trim());
      near.addEventListener('click', () => void this.locate());
      const nearLine = element('p');
      nearLine.append(near);
      const line = element('p');
      line.append(element('a', { href: '/#regions' }, this.t('search.chooseRegion')));
      this.output.append(nearLine, line);
    } else if (outcome.type === 'need-location') {
      // What was asked stays asked when the person then types only a commune: its boxes are ticked.
      for (const id of outcome.filters.services) {
        const box = this.form.querySelector<HTMLInputElement>(`input[name="service"][value="${CSS.escape(id)}"]`);
        if (box) box.checked = true;
      }
      const label = this.form.querySelector<HTMLInputElement>('input[name="france-services"]');
      if (label && outcome.filters.franceServices) label.checked = true;
    } else if (outcome.type === 'choose') {
      const list = element('ul', { class: 'choices' });
      for (const commune of outcome.communes) {
        // The whole query stays ("impôts aix"): choosing the commune must not lose the need.
        const choice = new URLSearchParams(params);
        choice.set('commune', commune.insee);
        const link = element(
          'a',
          { class: 'button secondary', href: this.searchUrl(choice) },
          this.t('search.communeChoice', { name: communeName(this.t, commune), departement: commune.departementName ?? commune.departement }),
        );
        link.addEventListener('click', (event) => {
          event.preventDefault();
          fillForm(this.form, choice);
          this.go(choice, true);
        });
        const item = element('li');
        item.append(link);
        list.append(item);
      }
      this.output.append(list);
    } else if (outcome.type === 'results' || outcome.type === 'by-name') {
      if (outcome.results.length > 0) {
        const list = kept ?? element('ol', { class: 'cards results' });
        if (!kept) this.output.append(list);
        if (!(await this.drawCards(list, outcome.results, context, current))) return;
        printCodes(this.t, this.output, this.site);
        const print = element('button', { type: 'button', class: 'button secondary no-print', 'data-print-results': '' }, this.t('search.print'));
        print.addEventListener('click', () => {
          printCodes(this.t, this.output, this.site, true);
          window.print();
        });
        this.output.append(print);
      }
      if (outcome.counts.total > outcome.results.length) {
        const more = element('button', { type: 'button', class: 'button secondary' }, this.t('search.more'));
        more.addEventListener('click', () => {
          this.limit += PAGE;
          void this.search(params, outcome.results.length);
        });
        this.output.append(more);
      }
      if (outcome.type === 'results' && outcome.further) {
        this.output.append(element('p', { class: 'search-status' }, this.t('search.further')));
        const list = element('ol', { class: 'cards results' });
        list.append(resultCard(this.t, outcome.further, this.serviceName, context));
        this.output.append(list);
      }
    }
  }

  /** Runs the search of these params; `focusFrom` moves the focus to the first new result ("Voir plus"). */
  private async search(params: URLSearchParams, focusFrom?: number): Promise<void> {
    const mine = ++this.run;
    if (focusFrom === undefined) this.limit = PAGE;
    // Capped: a pasted page of text (or a crafted link) never freezes the page.
    const q = (params.get('q') ?? '').slice(0, MAX_QUERY);
    const wantsNear = params.get('autour') === '1';
    const zone = zoneFrom(params);
    let request: SearchRequest;
    if (zone) request = { q, near: zone, nearKind: 'map-area', filters: filtersFrom(params), now: new Date(), limit: this.limit };
    else if (!q && !wantsNear) {
      // Filters alone (« gratuit » typed, a link with « ?gratuit=1 »): the page asks where, as for a need alone.
      const filters = filtersFrom(params);
      const reading = { needs: [], franceServices: false, name: [], unknown: [] };
      return this.show(hasFilters(filters) ? { type: 'need-location', filters, reading } : { type: 'empty' }, params, mine);
    } else if (wantsNear && !this.near) return this.locate();
    else request = { q, commune: params.get('commune'), near: wantsNear ? this.near : null, filters: filtersFrom(params), now: new Date(), limit: this.limit };
    this.say(this.t('search.running'));
    try {
      // The nearest places are drawn as soon as they are sure, while the rest is read for the counts.
      const outcome = await engine.search({ ...request, onFirst: (first) => mine === this.run && void this.show(first, params, mine) });
      if (mine !== this.run) return;
      await this.show(outcome, params, mine);
      if (mine !== this.run) return;
      // The map's section shows once every card is drawn: a short list in the middle of its drawing would bring the map on screen, and load it, before the results.
      if (this.points && this.points.length > 0) showMapSection();
      emit('search:drawn', null);
      if (focusFrom !== undefined) this.output.querySelectorAll<HTMLElement>('ol.results > li a')[focusFrom]?.focus();
    } catch {
      if (mine === this.run) this.say(this.t('search.failed'));
    }
  }

  /**
   * Away from the search page, the results open on their own page: its first files are asked
   * for as the page goes (`<link rel="prefetch">` outlives this page), not after its scripts.
   * The search's index (meta.json) is fetched when the person starts typing.
   */
  private prefetched = false;

  private prefetchWhileTyping(): void {
    if (this.onSearchPage) return;
    this.input.addEventListener('input', () => {
      if (this.prefetched) return;
      this.prefetched = true;
      engine.meta().catch(() => undefined);
    });
  }

  private async leaveFor(params: URLSearchParams): Promise<void> {
    const q = params.get('q') ?? '';
    // No more than a moment: the index is usually there already; without it, the results page finds its files itself.
    const files = q && this.prefetched ? await Promise.race([engine.firstFiles(q).catch(() => []), new Promise<string[]>((resolve) => setTimeout(() => resolve([]), 100))]) : [];
    for (const href of files) document.head.append(Object.assign(document.createElement('link'), { rel: 'prefetch', href, as: 'fetch', crossOrigin: 'anonymous' }));
    location.assign(this.searchUrl(params));
  }

  private go(typed: URLSearchParams, push: boolean): void {
    // Filters said in the words (« gratuit », and in the page's language « free », « бесплатно »): moved to their
    // fields, and the form shows them so (the field keeps the other words, the box is ticked), or the next
    // change of the form would say them again.
    const params = filtersSaid(typed, this.filterWords);
    if (params.toString() !== typed.toString()) fillForm(this.form, params);
    if (!this.onSearchPage) {
      void this.leaveFor(params);
      return;
    }
    if (push) {
      this.filtering = false;
      history.pushState(null, '', this.searchUrl(params));
    } else history.replaceState(null, '', this.searchUrl(params));
    // Asked for (Enter, a commune chosen), not a filter ticked in the open form: the form shrinks at
    // once, so that « Recherche en cours… » is on the first screen of a phone (a name looked for in
    // all of France takes seconds on a slow one).
    if (push) this.showSummary(false);
    void this.search(params);
  }

  private async locate(): Promise<void> {
    this.say(this.t('search.locating'));
    try {
      this.near = await currentPosition();
    } catch (error) {
      this.say(this.t(`search.geo.${error instanceof PositionError ? error.failure : 'other'}`) + this.t('search.geo.fallback'));
      // The field to type the commune in, shown if the form was shrunk (« Autour de moi » offered under « Aucun résultat »).
      if (this.dataset.collapsed === 'true') this.collapse(false);
      this.input.focus();
      return;
    }
    const params = paramsFromForm(this.form);
    params.delete('q');
    params.set('autour', '1');
    this.input.value = '';
    this.go(params, true);
  }
}

customElements.define('search-panel', SearchPanel);
