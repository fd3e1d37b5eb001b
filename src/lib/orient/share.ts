/**
 * What is sent when a place or a selection is shared: a short plain text (name, address,
 * phone, next opening, link) and the links that open an SMS, WhatsApp or an e-mail with it.
 * The next opening is written as a date, never "demain": the message is read later.
 */
import { dateName, formatTime } from '../../i18n/hours.ts';
import type { Translate } from '../../i18n/translate.ts';
import { shiftDate, statusAt, wallClock } from '../hours/status.ts';
import type { Schedule } from '../hours/types.ts';

export interface SharedPlace {
  name: string;
  /** Street and number, '' when unknown. */
  street: string;
  /** "59000 Lille" or "Lille". */
  city: string;
  /** As read aloud, '' when unknown. */
  phone: string;
  schedule: Schedule | null;
  /** Absolute URL of its page; '' when not known yet (a page built without a public address, read without JavaScript). */
  url: string;
}

/** "Ouvert le lundi 30 novembre jusqu’à 17 h", "Prochaine ouverture : le mardi 1er décembre à 9 h", or null. */
export function nextOpening(t: Translate, schedule: Schedule | null, now: Date): string | null {
  const status = statusAt(schedule, now);
  if (status.state === 'open') {
    return t('share.openUntil', { day: dateName(t, shiftDate(wallClock(now, schedule!.tz).date, status.closesInDays)), time: formatTime(t, status.closesAt) });
  }
  if (status.state === 'closed' && status.next) return t('share.nextOpening', { day: dateName(t, status.next.date), time: formatTime(t, status.next.opensAt) });
  return null;
}

/** The lines of one place; without `now` (a page built in advance), no next opening. */
export function placeLines(t: Translate, place: SharedPlace, now: Date | null): string[] {
  const lines = [place.name, [place.street, place.city].filter(Boolean).join(', ')];
  if (place.phone) lines.push(t('share.phone', { phone: place.phone }));
  const next = now && nextOpening(t, place.schedule, now);
  if (next) lines.push(next);
  if (place.url) lines.push(place.url);
  return lines;
}

export function placeMessage(t: Translate, place: SharedPlace, now: Date | null): string {
  return [t('share.intro'), ...placeLines(t, place, now)].join('\n');
}

/** A selection: each place numbered, then the link that opens the same list. */
export function selectionMessage(t: Translate, places: readonly SharedPlace[], url: string, now: Date | null): string {
  const blocks = places.map((place, index) => `${index + 1}. ${placeLines(t, place, now).join('\n')}`);
  return [t('share.introMany', { count: places.length }), ...blocks, t('share.selectionLink', { url })].join('\n\n');
}

export interface ShareLinks {
  sms: string;
  whatsapp: string;
  email: string;
}

export function shareLinks(subject: string, body: string): ShareLinks {
  return { sms: smsHref(body), whatsapp: whatsappHref(body), email: mailtoHref(subject, body) };
}

/** SMS with a body and no number: the person types it. "?&" works on Android and iOS. */
export function smsHref(body: string): string {
  return `sms:?&body=${encodeURIComponent(body)}`;
}

export function whatsappHref(body: string): string {
  return `https://wa.me/?text=${encodeURIComponent(body)}`;
}

/** RFC 6068: line breaks are CRLF. */
/** An e-mail ready to send: to nobody yet (the person chooses), or to an address set for the site. */
export function mailtoHref(subject: string, body: string, to = ''): string {
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`;
}
