/** Search outcomes as DOM, built as text nodes (never HTML from the data), with the words of the dictionary. */
import { statusLabel, todayLabel, weekSummary } from '../../i18n/hours.ts';
import type { Key, Translate } from '../../i18n/translate.ts';
import { formatDistance } from '../../lib/format.ts';
import { mapPoint, type MapPoint } from '../../lib/map/points.ts';
import type { Result, SearchOutcome } from '../../lib/search/engine.ts';
import { hasFilters } from '../../lib/search/judge.ts';
import { hasFlag, type SearchPlace } from '../../lib/search/row.ts';
import { placeUrl } from '../../lib/routes.ts';
import { entryToken } from '../../lib/orient/selection.ts';

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Where a result is: "Dans la commune", "Lille · à 900 m", or roughly when its point is the commune's centre. */
export function whereLine(t: Translate, result: Result): string {
  const street = result.street ? `${result.street}, ` : '';
  if (result.km === null) return `${street}${result.commune}`;
  if (result.inCommune) return `${street}${result.commune} · ${t('search.card.inCommune')}`;
  if (!hasFlag(result, 'exactPoint')) return `${street}${t('search.card.approximate', { commune: result.commune, distance: formatDistance(t, result.km) })}`;
  return `${street}${t('search.place.distance', { commune: result.commune, distance: formatDistance(t, result.km) })}`;
}

/** Service names by id, read from the form's own labels (no second list of words). */
export type ServiceNames = (id: string) => string;

/** What a place says about referral, when it says: for result cards and the selection. */
export function referralKey(place: Pick<SearchPlace, 'flags'>): Key | null {
  if (hasFlag(place, 'referralRequired')) return 'referral.required';
  return hasFlag(place, 'noReferral') ? 'place.referralShort' : null;
}

export function resultCard(t: Translate, result: Result, serviceName: ServiceNames): HTMLLIElement {
  const item = element('li', { class: 'card', 'data-id': result.id });
  const heading = element('h3');
  heading.append(element('a', { href: placeUrl(result.id) }, result.title || result.name));
  item.append(heading);
  if (result.title) item.append(element('p', { class: 'muted' }, t('search.card.rawName', { name: result.name })));
  item.append(element('p', { class: 'kind' }, t(`kind.${result.kind}` as Key)));
  item.append(element('p', {}, whereLine(t, result)));
  item.append(element('p', { class: 'status', 'data-state': result.status.state }, statusLabel(t, result.status)));
  const today = todayLabel(t, result.today);
  if (today) item.append(element('p', { class: 'today' }, today));
  // On paper, the usual week instead of today's status, and a code to the place's page (see printCodes()).
  item.append(element('p', { class: 'print-only' }, weekSummary(t, result.week)));
  item.prepend(element('figure', { class: 'qr-block print-only', 'data-qr': placeUrl(result.id), 'data-qr-name': result.title || result.name }));
  if (result.needs.length > 0) {
    const needs = result.needs.map((need) => (need.byLabel ? t('search.card.needByLabel', { need: serviceName(need.id), label: t('search.card.byLabel') }) : serviceName(need.id)));
    item.append(element('p', { class: 'needs' }, t('search.card.needs', { needs: needs.join(' ; ') })));
  }
  if (result.phone) {
    const phone = element('p', {}, t('search.place.phone'));
    phone.append(element('a', { href: `tel:${result.dial}` }, result.phone));
    item.append(phone);
  }
  const referral = referralKey(result);
  if (referral) item.append(element('p', {}, t(referral)));
  if (hasFlag(result, 'residentsOnly')) item.append(element('p', { class: 'notice-inline' }, t('search.card.residentsOnly')));
  const toggle = document.createElement('selection-toggle');
  toggle.className = 'no-print';
  toggle.dataset.entry = entryToken({ departement: result.departement, id: result.id });
  toggle.dataset.name = result.title || result.name;
  if (result.toCheck.length > 0) {
    const what = [...new Set(result.toCheck.map((name) => t(`search.check.${name}` as Key)))].join(', ');
    item.append(element('p', { class: 'to-check' }, t('search.card.toCheck', { what })));
  }
  item.append(toggle);
  return item;
}

/** The places of an outcome for the map, or null when it shows none. */
export function outcomePoints(t: Translate, outcome: SearchOutcome): MapPoint[] | null {
  return outcome.type === 'results' || outcome.type === 'by-name' ? outcome.results.map((result) => mapPoint(result, statusLabel(t, result.status))) : null;
}

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
        outcome.type !== 'results'
          ? null
          : outcome.origin.kind === 'commune'
            ? (outcome.origin.commune.arrondissement ?? outcome.origin.commune.name)
            : t(outcome.origin.kind === 'position' ? 'search.yourPosition' : 'search.mapArea');
      const where = origin === null ? '' : t('search.around', { origin });
      const { total, confirmed, toCheck } = outcome.counts;
      if (total === 0) return t(hasFilters(outcome.filters) ? 'search.noResultFilters' : 'search.noResult', { where });
      const shown = outcome.results.length;
      return (
        t('search.found', { count: total, where }) +
        (hasFilters(outcome.filters) && toCheck > 0 ? t('search.counts', { confirmed, toCheck }) : '') +
        (partial && total > shown ? t('search.firstOnes', { shown }) : '')
      );
    }
  }
}

/**
 * Draws the codes of the results for paper. The encoder (5 KB) is loaded after the first
 * results, never before the first search; codes are drawn when the page is idle, and any left
 * just before printing.
 */
let encoder: typeof import('../../lib/orient/qr.ts') | undefined;

export function printCodes(t: Translate, root: ParentNode, site: string, now = false): void {
  const draw = () => {
    if (!encoder) return;
    for (const figure of root.querySelectorAll<HTMLElement>('figure[data-qr]:empty')) {
      figure.innerHTML = encoder.qrSvg(new URL(figure.dataset.qr!, site).href, t('print.qrPlace', { name: figure.dataset.qrName ?? '' }));
    }
  };
  // Safari has no requestIdleCallback.
  const idle = (task: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(task) : setTimeout(task, 200));
  if (encoder) return now ? draw() : void idle(draw);
  void import('../../lib/orient/qr.ts').then((module) => {
    encoder = module;
    idle(draw);
  });
}
