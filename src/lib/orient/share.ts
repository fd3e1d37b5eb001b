/**
 * What is sent when a place or a selection is shared: a short plain text (name, address,
 * phone, next opening, link) and the links that open an SMS, WhatsApp or an e-mail with it.
 * The next opening is written as a date, never "demain": the message is read later.
 */
import { dateName, formatTime } from '../../i18n/hours.ts';
import type { Translate } from '../../i18n/translate.ts';
import { leftToRight } from '../../i18n/bidi.ts';
import { LOOKAHEAD_DAYS, slotsOn, statusAt } from '../hours/status.ts';
import { shiftDate, wallClock } from '../dates.ts';
import type { Schedule } from '../hours/types.ts';

export interface SharedPlace {
  name: string;
  /** Street and number, '' when unknown. */
  street: string;
  /** "59000 Lille" or "Lille". */
  city: string;
  /** As read aloud, '' when unknown. */
  phone: string;
  /** What the place asks, in the message's words (« Il faut être orienté par un travailleur social · Sur rendez-vous »), '' when it does not say. */
  conditions: string;
  schedule: Schedule | null;
  /** Absolute URL of its page; '' when not known yet (a page built without a public address, read without JavaScript). */
  url: string;
}

/** A day asked for ("Samedi · le matin"): the next opening is counted from its start (or from noon for the afternoon), not from now. */
export interface FromDay {
  /** YYYY-MM-DD, in the place's time zone. */
  date: string;
  /** Minutes after midnight: 0, or 720 for the afternoon. */
  minutes: number;
}

/**
 * The place's first opening from a moment of a day: open then (until when), or its next slot
 * within the look-ahead; null when the hours are unknown there.
 */
export function openingFrom(schedule: Schedule, from: FromDay): { open: true; date: string; closesAt: number } | { open: false; date: string; opensAt: number } | null {
  for (let inDays = 0; inDays <= LOOKAHEAD_DAYS; inDays++) {
    const date = shiftDate(from.date, inDays);
    const slots = slotsOn(schedule, date);
    if (!slots) return null;
    for (let i = 0; i < slots.length; i += 2) {
      const [start, end] = [slots[i]!, slots[i + 1]!];
      if (inDays === 0 && end <= from.minutes) continue;
      if (inDays === 0 && start <= from.minutes) return { open: true, date, closesAt: end };
      return { open: false, date, opensAt: start };
    }
  }
  return null;
}

/**
 * "Ouvert le lundi 30 novembre jusqu’à 17 h", "Prochaine ouverture : le mardi 1er décembre à 9 h",
 * or null. From now, or from the day the person asked for.
 */
export function nextOpening(t: Translate, schedule: Schedule | null, now: Date, from: FromDay | null = null): string | null {
  if (from) {
    const opening = schedule && openingFrom(schedule, from);
    if (!opening) return null;
    return opening.open
      ? t('share.openUntil', { day: dateName(t, opening.date), time: formatTime(t, opening.closesAt) })
      : t('share.nextOpening', { day: dateName(t, opening.date), time: formatTime(t, opening.opensAt) });
  }
  const status = statusAt(schedule, now);
  if (status.state === 'open') {
    return t('share.openUntil', { day: dateName(t, shiftDate(wallClock(now, schedule!.tz).date, status.closesInDays)), time: formatTime(t, status.closesAt) });
  }
  if (status.state === 'closed' && status.next) return t('share.nextOpening', { day: dateName(t, status.next.date), time: formatTime(t, status.next.opensAt) });
  return null;
}

/** The lines of one place; without `now` (a page built in advance), no next opening. */
export function placeLines(t: Translate, place: SharedPlace, now: Date | null, from: FromDay | null = null): string[] {
  const lines = [place.name, leftToRight(t, [place.street, place.city].filter(Boolean).join(', '))];
  if (place.phone) lines.push(t('share.phone', { phone: leftToRight(t, place.phone) }));
  // Whether the person needs a referral or an appointment: known before going, not at the door.
  if (place.conditions) lines.push(place.conditions);
  const next = now && nextOpening(t, place.schedule, now, from);
  if (next) lines.push(next);
  if (place.url) lines.push(place.url);
  return lines;
}

export function placeMessage(t: Translate, place: SharedPlace, now: Date | null, from: FromDay | null = null): string {
  return [t('share.intro'), ...placeLines(t, place, now, from)].join('\n');
}

/** A selection: each place numbered, then the link that opens the same list. */
export function selectionMessage(t: Translate, places: readonly SharedPlace[], url: string, now: Date | null, from: FromDay | null = null): string {
  const blocks = places.map((place, index) => `${index + 1}. ${placeLines(t, place, now, from).join('\n')}`);
  return [t('share.introMany', { count: places.length }), ...blocks, t('share.selectionLink', { url })].join('\n\n');
}

// A type, not an interface: Object.entries then knows every value is a string.
export type ShareLinks = {
  sms: string;
  whatsapp: string;
  email: string;
};

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
