/** Search outcomes as DOM, built as text nodes (never HTML from the data), with the words of the dictionary. */
import { statusLabel, todayLabel } from '../../i18n/hours.ts';
import type { Key, Translate } from '../../i18n/translate.ts';
import { formatDistance } from '../../lib/format.ts';
import { mapPoint, type MapPoint } from '../../lib/map/points.ts';
import type { Result, SearchOutcome } from '../../lib/search/engine.ts';
import { hasFlag } from '../../lib/search/row.ts';
import { placeUrl } from '../../lib/routes.ts';

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function resultCard(t: Translate, result: Result): HTMLLIElement {
  const item = element('li', { class: 'card', 'data-id': result.id });
  const heading = element('h3');
  heading.append(element('a', { href: placeUrl(result.id) }, result.name));
  item.append(heading);
  item.append(element('p', { class: 'kind' }, t(`kind.${result.kind}` as Key)));
  item.append(element('p', {}, result.km === null ? result.commune : t('search.place.distance', { commune: result.commune, distance: formatDistance(t, result.km) })));
  item.append(element('p', { class: 'status', 'data-state': result.status.state }, statusLabel(t, result.status)));
  const today = todayLabel(t, result.today);
  if (today) item.append(element('p', {}, today));
  if (result.phone) {
    const phone = element('p', {}, t('search.place.phone'));
    phone.append(element('a', { href: `tel:${result.dial}` }, result.phone));
    item.append(phone);
  }
  if (hasFlag(result, 'referralRequired')) item.append(element('p', {}, t('referral.required')));
  else if (hasFlag(result, 'noReferral')) item.append(element('p', {}, t('place.referralShort')));
  return item;
}

/** The places of an outcome for the map, or null when it shows none. */
export function outcomePoints(t: Translate, outcome: SearchOutcome): MapPoint[] | null {
  return outcome.type === 'results' || outcome.type === 'by-name' ? outcome.results.map((result) => mapPoint(result, statusLabel(t, result.status))) : null;
}

/** The status line of an outcome. */
export function outcomeStatus(t: Translate, outcome: SearchOutcome): string {
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
        outcome.type !== 'results' ? null : outcome.origin.kind === 'commune' ? outcome.origin.commune.name : t(outcome.origin.kind === 'position' ? 'search.yourPosition' : 'search.mapArea');
      const where = origin === null ? '' : t('search.around', { origin });
      if (outcome.results.length === 0) return t('search.noResult', { where });
      const shown = outcome.results.length;
      return t('search.found', { count: outcome.total, where }) + (outcome.total > shown ? t('search.firstOnes', { shown }) : '');
    }
  }
}
