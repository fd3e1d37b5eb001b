/**
 * The one card of a place: what it says, in what order and in which words, the same on a
 * commune's page, in search results and in a selection. Pages write it with PlaceCard.astro,
 * the browser with components/card.ts; both only turn these lines into elements. What differs
 * is only where the card is: a status computed live or for the day asked for, the day's hours,
 * the needs met, the buttons.
 */
import type { Key, Translate } from '../i18n/translate.ts';
import { leftToRight, phoneLeftToRight } from '../i18n/bidi.ts';
import { formatDistance } from './format.ts';
import type { Kind } from './kinds.ts';
import { parsePhone } from './phone.ts';
import { hasFlag, type SearchPlace } from './search/row.ts';

/** What a card needs of a place: the fields of a search row, the same on every page. */
export type CardPlace = Pick<SearchPlace, 'name' | 'title' | 'kind' | 'street' | 'commune' | 'phone' | 'flags'>;

/**
 * How far it is, when the card answers « near where? »: `km` from a search, or a distance
 * already written (a template's slot, see site/placeless.ts). `inCommune`: in the commune asked.
 */
export type CardDistance = { km: number; inCommune?: boolean } | { written: string };

export interface CardLine {
  /** The class of its paragraph, for the page's style and for paper. */
  class?: string;
  text: string;
  /** A link after the text (the phone). */
  link?: { href: string; text: string };
  /** Drawn before the text: the kind's shape (never colour alone, the map uses the same). */
  kind?: Kind;
}

export interface Card {
  /** The name shown: a readable title when the name reads as a code. */
  name: string;
  /** Under the name, before its status: the name as the data writes it, the kind, where it is. */
  head: CardLine[];
  /** After the status: the phone, what it asks (referral, appointment, fees), whom it is for. */
  tail: CardLine[];
}

/** What a place says about referral, when it says. */
export function referralKey(place: Pick<SearchPlace, 'flags'>): Key | null {
  if (hasFlag(place, 'referralRequired')) return 'referral.required';
  return hasFlag(place, 'noReferral') ? 'place.referralShort' : null;
}

/** What a person must know before going, one line each: the referral, the appointment, the fees (none when the place does not say). */
export function conditionLines(t: Translate, place: Pick<SearchPlace, 'flags'>): string[] {
  const lines: string[] = [];
  const referral = referralKey(place);
  if (referral) lines.push(t(referral));
  if (hasFlag(place, 'appointmentRequired')) lines.push(t('appointment.required'));
  else if (hasFlag(place, 'walkIn')) lines.push(t('appointment.walk-in'));
  if (hasFlag(place, 'free')) lines.push(t('fee.free'));
  return lines;
}

/** « Pas besoin d’être orienté · Sans rendez-vous · Gratuit »: the same on one line ('' when the place does not say). The same on cards, paper, posters and messages. */
export function conditions(t: Translate, place: Pick<SearchPlace, 'flags'>): string {
  return conditionLines(t, place).join(' · ');
}

/** Where a place is: « 3 rue X, Lille », « … · Dans la commune », « Lille · à 900 m », or roughly when its point is the commune's centre. */
export function whereLine(t: Translate, place: Pick<CardPlace, 'street' | 'commune' | 'flags'>, distance: CardDistance | null = null): string {
  // The address reads as the source wrote it, in its own order, on a page written right to left too.
  const address = leftToRight(t, place.street ? `${place.street}, ${place.commune}` : place.commune);
  if (distance === null) return address;
  if ('km' in distance && distance.inCommune) return `${address} · ${t('search.card.inCommune')}`;
  const written = 'km' in distance ? formatDistance(t, distance.km) : distance.written;
  const street = place.street ? `${leftToRight(t, place.street)}, ` : '';
  const commune = leftToRight(t, place.commune);
  // Its point is the commune's centre: the distance is rough, and the address is unknown unless its street is.
  if (!hasFlag(place, 'exactPoint')) return `${street}${t(place.street ? 'search.card.approximateStreet' : 'search.card.approximate', { commune, distance: written })}`;
  return `${street}${t('search.place.distance', { commune, distance: written })}`;
}

export function placeCard(t: Translate, place: CardPlace, distance: CardDistance | null = null): Card {
  const head: CardLine[] = [];
  if (place.title) head.push({ class: 'muted', text: t('search.card.rawName', { name: place.name }) });
  head.push({ class: 'kind', text: t(`kind.${place.kind}`), kind: place.kind });
  head.push({ class: 'where', text: whereLine(t, place, distance) });
  const tail: CardLine[] = [];
  const phone = parsePhone(place.phone);
  if (phone) tail.push({ class: 'phone', text: t('search.place.phone'), link: { href: `tel:${phone.dial}`, text: phoneLeftToRight(t, phone.display) } });
  const asked = conditions(t, place);
  if (asked) tail.push({ class: 'conditions', text: asked });
  if (hasFlag(place, 'residentsOnly')) tail.push({ class: 'notice-inline', text: t('search.card.residentsOnly') });
  return { name: place.title || place.name, head, tail };
}
