/**
 * The search form, enhanced: runs the search in the browser (src/lib/search/engine.ts),
 * keeps the query and filters in the URL (shareable, back button, reload), and shows results
 * as text (never as HTML from the data).
 */
import { formatDistance } from '../lib/format.ts';
import { FLAG } from '../lib/search/data.ts';
import { NO_FILTERS, SearchEngine, type Filters, type Result, type SearchOutcome } from '../lib/search/engine.ts';
import { KINDS } from '../lib/vocab.ts';

const engine = new SearchEngine({
  json: async (path) => {
    const response = await fetch(path);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  },
});

const CHECKBOXES: [keyof Filters, string][] = [
  ['openNow', 'ouvert'],
  ['saturday', 'samedi'],
  ['free', 'gratuit'],
  ['noReferral', 'sans-orientation'],
  ['walkIn', 'sans-rdv'],
  ['wheelchair', 'fauteuil'],
  ['emmaus', 'emmaus'],
];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function filtersFrom(params: URLSearchParams): Filters {
  const filters: Filters = { ...NO_FILTERS, services: params.get('service') ? [params.get('service')!] : [], language: params.get('langue') || null };
  for (const [key, name] of CHECKBOXES) (filters[key] as boolean) = params.get(name) === '1';
  return filters;
}

function renderResult(result: Result): HTMLLIElement {
  const item = element('li', { class: 'card', 'data-id': result.id });
  const highlight = () => document.dispatchEvent(new CustomEvent('map:highlight', { detail: { id: result.id } }));
  item.addEventListener('focusin', highlight);
  item.addEventListener('mouseenter', highlight);
  const heading = element('h3');
  heading.append(element('a', { href: `/lieux/${result.id}/` }, result.name));
  item.append(heading);
  item.append(element('p', { class: 'kind' }, KINDS[result.kind].label));
  item.append(element('p', {}, result.km === null ? result.commune : `${result.commune} · à ${formatDistance(result.km)}`));
  item.append(element('p', { class: 'status', 'data-state': result.status.state }, result.status.label));
  if (result.today) item.append(element('p', {}, result.today));
  if (result.phone) {
    const phone = element('p', {}, 'Téléphone : ');
    phone.append(element('a', { href: `tel:${result.dial}` }, result.phone));
    item.append(phone);
  }
  if (result.flags & FLAG.referralRequired) item.append(element('p', {}, 'Il faut être orienté par un travailleur social'));
  else if (result.flags & FLAG.noReferral) item.append(element('p', {}, 'Pas besoin d’être orienté'));
  return item;
}

function setup(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const output = root.querySelector<HTMLElement>('[data-search-output]')!;
  const nearMe = root.querySelector<HTMLButtonElement>('[data-near-me]')!;
  const onSearchPage = location.pathname === '/recherche/';
  let near: { lat: number; lon: number } | null = null;
  let run = 0;
  let lastPoints: unknown[] | null = null;

  /** The map (loaded later, maybe) shows what the list shows. */
  function tellMap(outcome: SearchOutcome): void {
    lastPoints =
      outcome.type === 'results' || outcome.type === 'by-name'
        ? outcome.results.map((result) => ({ id: result.id, name: result.name, lat: result.lat, lon: result.lon, kind: result.kind, status: result.status.label, phone: result.phone, dial: result.dial }))
        : null;
    document.dispatchEvent(new CustomEvent('search:results', { detail: { points: lastPoints } }));
    if (lastPoints && lastPoints.length > 0) document.querySelector('[data-map-section][hidden]')?.removeAttribute('hidden');
  }
  document.addEventListener('map:ready', () => document.dispatchEvent(new CustomEvent('search:results', { detail: { points: lastPoints } })));
  document.addEventListener('list:highlight', (event) => {
    const id = (event as CustomEvent<{ id: string }>).detail.id;
    for (const card of output.querySelectorAll<HTMLElement>('.card')) card.classList.toggle('is-highlighted', card.dataset.id === id);
    output.querySelector<HTMLElement>(`.card[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
  });
  document.addEventListener('map:search-area', (event) => {
    const { lat, lon } = (event as CustomEvent<{ lat: number; lon: number }>).detail;
    const params = paramsFromForm();
    params.delete('q');
    params.set('zone', `${lat.toFixed(3)},${lon.toFixed(3)}`);
    input.value = '';
    go(params, true);
  });

  function paramsFromForm(): URLSearchParams {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value.trim()) params.set(name, value.trim());
    return params;
  }

  function fillForm(params: URLSearchParams): void {
    input.value = params.get('q') ?? '';
    for (const select of form.querySelectorAll('select')) select.value = params.get(select.name) ?? '';
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = params.get(box.name) === '1';
  }

  function say(text: string): void {
    status.textContent = text;
  }

  function show(outcome: SearchOutcome, params: URLSearchParams): void {
    output.replaceChildren();
    tellMap(outcome);
    switch (outcome.type) {
      case 'empty':
        say('');
        return;
      case 'none':
        say(`Aucun résultat pour « ${outcome.query} ». Vérifiez l’orthographe, ou tapez le nom de votre commune ou votre code postal.`);
        output.append(element('p'));
        output.firstElementChild!.append(element('a', { href: '/#regions' }, 'Ou choisissez votre région dans la liste'));
        return;
      case 'need-location':
        say('Dites-nous où vous cherchez : tapez votre commune ou votre code postal, ou appuyez sur « Autour de moi ».');
        if (outcome.serviceIds[0]) form.querySelector<HTMLSelectElement>('select[name="service"]')!.value = outcome.serviceIds[0];
        return;
      case 'choose': {
        say(`Plusieurs communes correspondent. Laquelle cherchez-vous ?`);
        const list = element('ul', { class: 'choices' });
        for (const commune of outcome.communes) {
          const choice = new URLSearchParams(params);
          choice.set('q', commune.name);
          choice.set('commune', commune.insee);
          const item = element('li');
          const link = element('a', { class: 'button secondary', href: `/recherche/?${choice}` }, `${commune.name} (${commune.departement})`);
          link.addEventListener('click', (event) => {
            event.preventDefault();
            fillForm(choice);
            go(choice, true);
          });
          item.append(link);
          list.append(item);
        }
        output.append(list);
        return;
      }
      case 'results':
      case 'by-name': {
        const where = outcome.type === 'results' ? ` autour de ${outcome.origin.label}, du plus proche au plus loin` : '';
        if (outcome.results.length === 0) {
          say(`Aucun lieu trouvé${where} avec ces critères. Essayez d’enlever des filtres.`);
          return;
        }
        const shown = outcome.results.length;
        say(`${outcome.total} lieu${outcome.total > 1 ? 'x' : ''} trouvé${outcome.total > 1 ? 's' : ''}${where}.${outcome.total > shown ? ` Voici les ${shown} premiers.` : ''}`);
        const list = element('ol', { class: 'cards results' });
        for (const result of outcome.results) list.append(renderResult(result));
        output.append(list);
        return;
      }
    }
  }

  async function search(params: URLSearchParams): Promise<void> {
    const mine = ++run;
    const q = params.get('q') ?? '';
    const wantsNear = params.get('autour') === '1';
    const zone = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(params.get('zone') ?? '');
    if (zone) {
      say('Recherche en cours…');
      const outcome = await engine.search({ q, near: { lat: Number(zone[1]), lon: Number(zone[2]) }, nearLabel: 'cette zone de la carte', filters: filtersFrom(params), now: new Date() });
      if (mine === run) show(outcome, params);
      return;
    }
    if (!q && !wantsNear) {
      show({ type: 'empty' }, params);
      return;
    }
    if (wantsNear && !near) {
      locate();
      return;
    }
    say('Recherche en cours…');
    try {
      const outcome = await engine.search({ q, commune: params.get('commune'), near: wantsNear ? near : null, filters: filtersFrom(params), now: new Date() });
      if (mine === run) show(outcome, params);
    } catch {
      if (mine === run) say('La recherche n’a pas pu se faire : vérifiez votre connexion, puis réessayez.');
    }
  }

  function go(params: URLSearchParams, push: boolean): void {
    if (!onSearchPage) {
      location.assign(`/recherche/?${params}`);
      return;
    }
    const url = `/recherche/${params.size > 0 ? `?${params}` : ''}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    void search(params);
  }

  function locate(): void {
    const fallback = ' Tapez plutôt le nom de votre commune ou votre code postal.';
    if (!('geolocation' in navigator)) {
      say(`Votre appareil ne peut pas donner votre position.${fallback}`);
      input.focus();
      return;
    }
    say('Recherche de votre position… Votre position reste sur votre appareil.');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        near = { lat: position.coords.latitude, lon: position.coords.longitude };
        const params = paramsFromForm();
        params.delete('q');
        params.set('autour', '1');
        input.value = '';
        go(params, true);
      },
      (error) => {
        const messages: Record<number, string> = {
          1: 'Vous n’avez pas autorisé l’accès à votre position.',
          2: 'Votre position n’est pas disponible pour le moment.',
          3: 'La recherche de votre position a pris trop de temps.',
        };
        say(`${messages[error.code] ?? 'Votre position n’est pas disponible.'}${fallback}`);
        input.focus();
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = paramsFromForm();
    go(params, true);
  });
  form.addEventListener('change', (event) => {
    if (!onSearchPage || event.target === input) return;
    const params = paramsFromForm();
    const current = new URLSearchParams(location.search);
    if (current.get('autour') === '1') params.set('autour', '1');
    if (current.get('zone')) params.set('zone', current.get('zone')!);
    if (current.get('commune') && params.get('q') === current.get('q')) params.set('commune', current.get('commune')!);
    go(params, false);
  });
  nearMe.addEventListener('click', () => locate());
  addEventListener('popstate', () => {
    const params = new URLSearchParams(location.search);
    fillForm(params);
    void search(params);
  });

  if (onSearchPage) {
    const params = new URLSearchParams(location.search);
    fillForm(params);
    if (params.size > 0) void search(params);
  }
  // Ready: tests (and people) may search from here on, even offline once the data is cached.
  root.dataset.ready = 'true';
}

document.documentElement.classList.add('has-js');
for (const root of document.querySelectorAll<HTMLElement>('[data-search]')) setup(root);

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data === 'offline-ready') document.documentElement.dataset.offline = 'ready';
  });
  void navigator.serviceWorker.register('/sw.js').then(async (registration) => {
    await navigator.serviceWorker.ready;
    registration.active?.postMessage('status?');
  });
}
