/**
 * <place-view>: a place's details in the page's language, from the search files (works offline
 * once the site is kept). Name and address stay as the source wrote them (in French: lang="fr"),
 * everything else is in the person's language: today's status, the week, the phone to call, how
 * to get there, what the place offers, the conditions, the languages spoken. A button reads it
 * aloud with the device's voice; the full French page is one link away.
 */
import { formatSlots, statusLabel, weekdayName } from '../i18n/hours.ts';
import { clientTranslator, type Key, type Translate } from '../i18n/translate.ts';
import { wholePhone } from '../i18n/bidi.ts';
import { statusAt, todaySlots } from '../lib/hours/status.ts';
import { parseSelection } from '../lib/orient/selection.ts';
import { parsePhone } from '../lib/phone.ts';
import { CORRECTION_PARAM, placeUrl } from '../lib/routes.ts';
import { placeIdOfPath } from '../lib/place-view-url.ts';
import { hasFlag, type SearchPlace } from '../lib/search/row.ts';
import { conditionLines } from '../lib/card.ts';
import type { Meta } from '../lib/search/data.ts';
import { element } from './card.ts';
import { engine } from './search/browser-engine.ts';
import { listenButton } from './listen.ts';

/** Data as the source wrote it: French, isolated inside text of another direction. */
function french(tag: 'h1' | 'p' | 'span' | 'strong', text: string, attributes: Record<string, string> = {}): HTMLElement {
  return element(tag, { lang: 'fr', dir: 'auto', ...attributes }, text);
}

class PlaceView extends HTMLElement {
  private t!: Translate;

  connectedCallback(): void {
    this.t = clientTranslator(this.dataset.i18n!);
    const asked = new URLSearchParams(location.search).get(CORRECTION_PARAM) ?? '';
    const entry = parseSelection(asked)[0];
    // A place known by its id alone: a place page opened offline (components/pages/OfflinePage.astro).
    const id = entry ? null : placeIdOfPath(placeUrl(asked));
    if (!entry && !id) return this.say('placeView.notFound');
    void Promise.all([entry ? engine.placesOf([entry]).then(([place]) => place) : engine.placeById(id!), engine.meta()]).then(
      ([place, meta]) =>
        place
          ? this.show(
              place,
              meta.services.map((service) => service.id),
              place.network === undefined ? undefined : meta.networks?.[place.network],
            )
          : this.say('placeView.notFound'),
      () => this.say('placeView.notFound'),
    );
  }

  private say(key: Key): void {
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    status.textContent = this.t(key);
    if (key !== 'placeView.notFound') return;
    this.querySelector<HTMLElement>('[data-not-found]')!.hidden = false;
    // The page's title and heading say it too (it said « Chargement du lieu… », with no heading); the status, read out, is not shown twice.
    document.title = status.textContent;
    status.before(element('h1', {}, status.textContent));
    status.classList.add('visually-hidden');
  }

  private show(place: SearchPlace, serviceIds: readonly string[], network?: NonNullable<Meta['networks']>[number]): void {
    const t = this.t;
    const services = JSON.parse(this.dataset.services!) as Record<string, string>;
    const article = this.querySelector<HTMLElement>('[data-place]')!;
    const name = place.title || place.name;
    document.title = name;
    this.querySelector('[data-status]')!.textContent = '';
    const parts: HTMLElement[] = [french('h1', name), element('p', { class: 'muted' }, t(`kind.${place.kind}` as Key))];

    const moves = hasFlag(place, 'itinerant');
    const status = moves ? ({ state: 'moves' } as const) : statusAt(place.schedule, new Date());
    parts.push(element('p', { class: 'status', 'data-state': status.state }, statusLabel(t, status)));

    const phone = parsePhone(place.phone);
    // Facts over a year old, or never dated: said as on the French page, in the person's language.
    if (!hasFlag(place, 'fresh')) {
      const notice = element('div', { class: 'notice' });
      notice.append(element('p', {}, `${t(hasFlag(place, 'undated') ? 'check.undated' : 'check.stale')} ${t(phone ? 'check.call' : 'check.verify')}`));
      parts.push(notice);
    }
    const actions = element('div', { class: 'actions' });
    if (phone) actions.append(element('a', { class: 'button', href: `tel:${phone.dial}` }, t('place.call', { phone: wholePhone(t, phone.display) })));
    if (hasFlag(place, 'exactPoint'))
      actions.append(element('a', { class: 'button secondary', href: `https://www.openstreetmap.org/directions?route=%3B${place.lat}%2C${place.lon}` }, t('place.directions')));
    const listen = listenButton(t, () => this.spoken(place, status.state === 'open' || status.state === 'closed' ? statusLabel(t, status) : ''));
    if (listen) actions.append(listen);
    const toggle = document.createElement('selection-toggle');
    toggle.dataset.entry = `${place.departement}.${place.id}`;
    toggle.dataset.name = name;
    actions.append(toggle);
    parts.push(actions);
    // No phone, e-mail or website of its own: how its network is reached, as the French page says.
    if (network) {
      const notice = element('div', { class: 'notice network-contact' });
      const contact = element('p');
      contact.append(french('strong', network.name), ' ', element('span', { class: 'muted' }, t('place.networkContact.notThisPlace')), element('br'));
      contact.append(element('a', { href: network.website, lang: 'fr', hreflang: 'fr', dir: 'ltr' }, network.website));
      if (network.postal) contact.append(element('br'), french('span', network.postal));
      notice.append(element('p', {}, t('place.networkContact.lead')), contact);
      parts.push(notice);
    }

    parts.push(element('h2', {}, t('place.address')));
    const address = element('p');
    // One piece, in its own order: two pieces side by side read « Roubaix9 Rue Pellart, » on a page written right to left.
    if (place.street) address.append(french('span', `${place.street}, ${place.commune}`));
    else address.append(element('span', {}, `${t('place.addressUnknown')} · `), french('span', place.commune));
    parts.push(address);

    parts.push(element('h2', {}, t('place.hours')));
    if (place.schedule && !moves) {
      const list = element('ul', { class: 'week' });
      place.schedule.week.forEach((slots, day) => list.append(element('li', {}, `${capital(weekdayName(t, day))}${t('list.colon')}${formatSlots(t, slots)}`)));
      parts.push(list);
    } else parts.push(element('p', {}, t(moves ? 'hours.status.moves' : phone ? 'hours.status.noHoursCall' : 'hours.status.noHoursCheck')));

    parts.push(element('h2', {}, t('place.services')));
    const offered = [...place.services, ...place.offers].map((index) => services[serviceIds[index]!]).filter(Boolean);
    parts.push(offered.length > 0 ? listOf([...new Set(offered)] as string[]) : element('p', {}, t(phone ? 'place.servicesUnknown' : 'place.servicesUnknownNoPhone')));

    parts.push(element('h2', {}, t('place.conditions')));
    const conditions = conditionLines(t, place);
    parts.push(conditions.length > 0 ? listOf(conditions) : element('p', {}, t('site.notProvided')));
    if (place.languages.length > 0) {
      parts.push(element('h2', {}, t('place.languages')));
      parts.push(element('p', {}, place.languages.map((code) => t(`language.${code}` as Key)).join(', ')));
    }

    const full = element('p');
    full.append(element('a', { href: placeUrl(place.id), lang: 'fr', hreflang: 'fr' }, t('placeView.frenchPage')));
    parts.push(full);
    article.replaceChildren(...parts);
    article.hidden = false;
    void import('./selection/selection-toggle.ts');
  }

  /** What is read aloud: the name, whether it is open, today's hours, the address, the phone in pairs of digits. */
  private spoken(place: SearchPlace, status: string): string[] {
    const t = this.t;
    const today = todaySlots(place.schedule, new Date());
    const phone = parsePhone(place.phone);
    return [
      place.title || place.name,
      status,
      today ? t('hours.todaySlots', { slots: formatSlots(t, today) }) : '',
      conditionLines(t, place).join(', '),
      t('listen.address', { address: [place.street, place.commune].filter(Boolean).join(', ') }),
      phone ? t('listen.phone', { digits: phone.display.replace(/^\+33 ?/, '0') }) : '',
    ].filter(Boolean);
  }
}

function capital(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function listOf(items: readonly string[]): HTMLUListElement {
  const list = element('ul');
  for (const item of items) list.append(element('li', {}, item));
  return list;
}

customElements.define('place-view', PlaceView);
