/** Search outcomes as DOM, built as text nodes (never HTML from the data), with the words of the dictionary. */
import { dateName, formatSlots, statusLabel, todayLabel, weekCompact, weekdayName, weekSummary } from '../../i18n/hours.ts';
import { weekdayOf } from '../../lib/dates.ts';
import type { When } from '../../lib/search/judge.ts';
import { placeMessage, shareLinks, type FromDay, type SharedPlace } from '../../lib/orient/share.ts';
import type { Key, Translate } from '../../i18n/translate.ts';
import { conditions, placeCard, type CardDistance } from '../../lib/card.ts';
import { cardElement, element } from '../card.ts';
import { mapPoint, type MapPoint } from '../../lib/map/points.ts';
import type { CommuneMatch, NamedDepartement, Origin, Result, SearchOutcome } from '../../lib/search/engine.ts';
import { hasFilters } from '../../lib/search/judge.ts';
import { placeViewUrl } from '../../lib/routes.ts';
import { listenButton } from '../listen.ts';
import { entryToken } from '../../lib/orient/selection.ts';
import { whenIdle } from '../../lib/idle.ts';
import { leftToRight } from '../../i18n/bidi.ts';

/** Where a result is, from the search's origin: see lib/card.ts. */
export function resultDistance(result: Pick<Result, 'km' | 'inCommune'>): CardDistance | null {
  return result.km === null ? null : { km: result.km, inCommune: result.inCommune };
}

/** Service names by id, read from the form's own labels (no second list of words). */
export type ServiceNames = (id: string) => string;

/** What a card knows of the search it answers: the day asked for, and the site's address for the links it sends. */
export interface CardContext {
  when: When | null;
  site: string;
  /** The page's language: a place's link leads to its details in that language. */
  locale?: string;
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The status of a place on the day asked for ("Ouvert le samedi 5 décembre au matin"), and its state. */
export function dayStatus(t: Translate, day: NonNullable<Result['day']>, half: When['half'], callable = true): { text: string; state: string } {
  if (!day.slots) return { text: t(callable ? 'search.day.unknown' : 'search.day.unknownNoPhone', { weekday: weekdayName(t, weekdayOf(day.date)) }), state: 'unknown' };
  if (day.slots.length === 0) return { text: t('hours.closedAllDay'), state: 'closed' };
  const key = half === 'morning' ? 'search.day.openMorning' : half === 'afternoon' ? 'search.day.openAfternoon' : 'search.day.open';
  return { text: t(key, { date: dateName(t, day.date) }), state: 'open' };
}

/** "Samedi : 9 h à 12 h", or null when that day's hours are unknown. */
export function dayLabel(t: Translate, day: NonNullable<Result['day']>): string | null {
  return day.slots ? t('search.card.day', { weekday: capitalized(weekdayName(t, weekdayOf(day.date))), slots: formatSlots(t, day.slots) }) : null;
}

/** "Horaires : Du lundi au vendredi : 9 h à 12 h ; Samedi : 9 h à 11 h", or null when unknown. */
export function weekLine(t: Translate, week: Result['week']): string | null {
  const lines = week ? weekCompact(t, week) : [];
  return week ? `${t('print.hours')}${lines.length > 0 ? lines.join(t('hours.separator')) : t('hours.closedAllDay')}` : null;
}

/** Where the message's next opening is counted from: the day asked for, else now (null). */
export function fromDay(result: Pick<Result, 'day'>, when: When | null): FromDay | null {
  return result.day ? { date: result.day.date, minutes: when?.half === 'afternoon' ? 12 * 60 : 0 } : null;
}

export function sharedPlace(t: Translate, result: Result, site: string, locale = 'fr'): SharedPlace {
  return {
    name: result.title || result.name,
    street: result.street,
    city: result.commune,
    phone: result.phone,
    conditions: conditions(t, result),
    schedule: result.schedule,
    url: new URL(placeViewUrl(locale, result), site).href,
  };
}

/** « Envoyer ce lieu »: SMS, WhatsApp, e-mail, written when opened (the next opening of that moment, from the day asked for). */
function shareBlock(t: Translate, result: Result, context: CardContext): HTMLDetailsElement {
  const details = element('details', { class: 'card-share no-print' });
  details.append(element('summary', {}, t('search.card.share')));
  const list = element('ul', { class: 'share-list' });
  const links = (['sms', 'whatsapp', 'email'] as const).map((name) => {
    const link = element('a', { class: 'button secondary', 'data-share': name, href: '#' }, t(`share.${name}`));
    const item = element('li');
    item.append(link);
    list.append(item);
    return link;
  });
  const write = () => {
    const place = sharedPlace(t, result, context.site, context.locale);
    const hrefs = shareLinks(t('share.subject', { name: place.name }), placeMessage(t, place, new Date(), fromDay(result, context.when)));
    for (const link of links) link.href = hrefs[link.dataset.share as keyof typeof hrefs];
  };
  details.addEventListener('toggle', () => details.open && write());
  list.addEventListener('pointerdown', write);
  list.addEventListener('focusin', write);
  details.append(list);
  return details;
}

export function resultCard(t: Translate, result: Result, serviceName: ServiceNames, context: CardContext = { when: null, site: location.origin }): HTMLElement {
  const card = placeCard(t, result, resultDistance(result));
  const href = placeViewUrl(context.locale ?? 'fr', result);
  // A day asked for ("Samedi · le matin"): that day's status and hours, not today's.
  const status = result.day ? dayStatus(t, result.day, context.when?.half ?? null, Boolean(result.phone)) : { text: statusLabel(t, result.status), state: result.status.state };
  const middle: HTMLElement[] = [element('p', { class: 'status', 'data-state': status.state }, status.text)];
  const day = result.day ? dayLabel(t, result.day) : todayLabel(t, result.today);
  if (day) middle.push(element('p', { class: 'today' }, day));
  // The usual week, on screen and on paper (where "today" means nothing); a code to the place's page on paper (see printCodes()).
  const week = weekLine(t, result.week);
  middle.push(week ? element('p', { class: 'week' }, week) : element('p', { class: 'print-only' }, weekSummary(t, null, Boolean(result.phone))));
  if (result.needs.length > 0) {
    const needs = result.needs.map((need) => (need.byLabel ? t('search.card.needByLabel', { need: serviceName(need.id), label: t('search.card.byLabel') }) : serviceName(need.id)));
    middle.push(element('p', { class: 'needs' }, t('search.card.needs', { needs: needs.join(' ; ') })));
  }
  const end: HTMLElement[] = [];
  if (result.toCheck.length > 0) {
    const what = [...new Set(result.toCheck.map((name) => t(`search.check.${name}` as Key)))].join(', ');
    end.push(element('p', { class: 'to-check' }, t('search.card.toCheck', { what })));
  }
  const toggle = document.createElement('selection-toggle');
  toggle.className = 'no-print';
  toggle.dataset.entry = entryToken({ departement: result.departement, id: result.id });
  toggle.dataset.name = card.name;
  end.push(toggle);
  // « Écouter »: the name, the status shown, the day's hours, the address, the phone in pairs of digits.
  const listen = listenButton(t, () =>
    [
      card.name,
      status.text,
      day ?? '',
      t('listen.address', { address: [result.street, result.commune].filter(Boolean).join(', ') }),
      result.phone ? t('listen.phone', { digits: result.phone }) : '',
    ].filter(Boolean),
  );
  if (listen) {
    listen.classList.add('no-print');
    listen.setAttribute('aria-label', `${t('listen.button')} : ${card.name}`);
    end.push(listen);
  }
  end.push(shareBlock(t, result, context));
  const item = cardElement(card, { href, middle, end, attributes: { 'data-id': result.id } });
  item.prepend(element('figure', { class: 'qr-block print-only', 'data-qr': href, 'data-qr-name': card.name }));
  return item;
}

/** The commune results are counted from; with its département when it was guessed from the words (see Origin). */
function placeOf(t: Translate, origin: Extract<Origin, { kind: 'commune' }>): string {
  const name = communeName(t, origin.commune);
  return origin.guessed ? t('search.communeChoice', { name, departement: leftToRight(t, origin.commune.departementName ?? origin.commune.departement) }) : name;
}

/**
 * A commune as offered or searched from: "Aix-en-Provence", "Bellegarde-sur-Valserine (aujourd’hui
 * Valserhône)". Each French name kept whole inside words written right to left (« حول Lyon. 226 … »
 * read « 226 » before the town), not the words around it.
 */
export function communeName(t: Translate, commune: Pick<CommuneMatch, 'name' | 'formerName' | 'arrondissement'>): string {
  if (commune.arrondissement) return leftToRight(t, commune.arrondissement);
  const name = leftToRight(t, commune.name);
  return commune.formerName ? t('search.communeFormer', { former: leftToRight(t, commune.formerName), name }) : name;
}

/**
 * What the search used of the query, when it used more than a place or left words out:
 * "Recherche : aide pour les démarches en ligne · à Marseille. Mots non compris : xyz." Null otherwise.
 */
export function readingLine(t: Translate, outcome: SearchOutcome, serviceName: ServiceNames): string | null {
  if (!('reading' in outcome)) return null;
  const { needs, franceServices, name, unknown } = outcome.reading;
  // Asked where: the need is ticked in the form, only words left out are worth saying.
  if (outcome.type === 'need-location') return unknown.length > 0 ? t('search.reading.unknown', { words: unknown.join(' ') }).trim() : null;
  if (needs.length === 0 && !franceServices && name.length === 0 && unknown.length === 0) return null;
  const parts = needs.map((id) => lowerFirst(serviceName(id)));
  if (franceServices) parts.push(t('search.reading.franceServices'));
  if (name.length > 0) parts.push(t('search.reading.name', { words: name.join(' ') }));
  if (outcome.type === 'results') {
    parts.push(
      outcome.origin.kind === 'commune'
        ? t('search.reading.where', { place: communeName(t, outcome.origin.commune) })
        : t('search.reading.near', { place: t(outcome.origin.kind === 'position' ? 'search.yourPosition' : 'search.mapArea') }),
    );
  }
  const used = parts.length > 0 ? t('search.reading', { parts: parts.join(' · ') }) : '';
  return `${used}${unknown.length > 0 ? t('search.reading.unknown', { words: unknown.join(' ') }) : ''}`.trim();
}

/** "Aide pour…" reads "aide pour…" inside a sentence; "CV…" stays as it is. */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

/** The places of an outcome for the map, or null when it shows none. */
export function outcomePoints(t: Translate, outcome: SearchOutcome): MapPoint[] | null {
  return outcome.type === 'results' || outcome.type === 'by-name' ? outcome.results.map((result) => mapPoint(result, statusLabel(t, result.status))) : null;
}

/** A département as the status names it: « Nord (59) ». */
export const departementLabel = (departement: NamedDepartement): string => `${departement.name} (${departement.code})`;

/** The status line of an outcome; `partial`: say when only the first results are shown. */
export function outcomeStatus(t: Translate, outcome: SearchOutcome, partial = true): string {
  switch (outcome.type) {
    case 'empty':
      return '';
    case 'none':
      return t('search.none', { query: outcome.query });
    case 'need-location':
      return t('search.needLocation');
    case 'choose':
      return t('search.choose');
    case 'results':
    case 'by-name': {
      const origin =
        outcome.type !== 'results' ? null : outcome.origin.kind === 'commune' ? placeOf(t, outcome.origin) : t(outcome.origin.kind === 'position' ? 'search.yourPosition' : 'search.mapArea');
      // A name looked for in a département named (« emmaus nord »): said, so that the person sees it was read.
      const departement = outcome.type === 'by-name' ? outcome.departement : undefined;
      const where = origin !== null ? t('search.around', { origin }) : departement ? t('search.inDepartement', { departement: departementLabel(departement) }) : '';
      const { total, confirmed, toCheck } = outcome.counts;
      if (total === 0) return t(hasFilters(outcome.filters) ? 'search.noResultFilters' : 'search.noResult', { where });
      const shown = outcome.results.length;
      return (
        t('search.found', { count: total, where }) +
        (hasFilters(outcome.filters) && toCheck > 0 ? t('search.sure', { count: confirmed }) : '') +
        (partial && total > shown ? t('search.firstOnes', { shown }) : '')
      );
    }
  }
}

/**
 * The codes of the results, for paper. The encoder (5 KB) is loaded when the page is idle after
 * the first results, never before the first search; the codes are drawn only when printing
 * (`now`: the « Imprimer » button, and `beforeprint`, which every browser fires, PDF printing
 * included). Drawn ahead, one per idle moment, each took 40 to 90 ms on a slow phone (the
 * encoder is slow until warm): twenty long tasks while the person reads the results.
 */
let encoder: typeof import('../../lib/orient/qr.ts') | undefined;

export function printCodes(t: Translate, root: ParentNode, site: string, now = false): void {
  const draw = () => {
    for (const figure of root.querySelectorAll<HTMLElement>('figure[data-qr]:empty')) {
      figure.innerHTML = encoder!.qrSvg(new URL(figure.dataset.qr!, site).href, t('print.qrPlace', { name: figure.dataset.qrName ?? '' }));
    }
  };
  if (encoder) return now ? draw() : undefined;
  // Fetched when the page is idle: on a slow connection the results' files come first.
  const load = () =>
    void import('../../lib/orient/qr.ts').then((module) => {
      encoder = module;
      if (now) draw();
    });
  if (now) load();
  else whenIdle(load);
}
