/** The one card of a place (lib/card.ts) written as elements in the browser: text nodes only, never HTML from the data. */
import type { Card, CardLine } from '../lib/card.ts';
import { kindSymbol } from '../lib/kinds.ts';

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function lineElement(line: CardLine): HTMLParagraphElement {
  const paragraph = element('p', line.class ? { class: line.class } : {}, line.text);
  // The kind's shape is the site's own drawing (lib/kinds.ts), never data.
  if (line.kind) paragraph.insertAdjacentHTML('afterbegin', kindSymbol(line.kind));
  if (line.link) paragraph.append(element('a', { href: line.link.href }, line.link.text));
  return paragraph;
}

export interface CardFrame {
  href: string;
  /** A list's item (the default), or a block of a printed sheet. */
  tag?: 'li' | 'div';
  heading?: 'h2' | 'h3';
  /** What the card says of the place at this moment: its status, the day's hours… (between head and tail). */
  middle?: HTMLElement[];
  /** After the card's own lines: what this page adds (needs, buttons). */
  end?: HTMLElement[];
  /** Puts the name and lines in a block of this class, beside `aside` (a list's buttons, a printed code). */
  body?: string;
  aside?: HTMLElement[];
  attributes?: Record<string, string>;
}

/** A card as a list item: the name as a link, then the card's lines, with what the page adds where it goes. */
export function cardElement(card: Card, frame: CardFrame): HTMLElement {
  const item = element(frame.tag ?? 'li', { class: 'card', ...frame.attributes });
  const heading = element(frame.heading ?? 'h3', { class: 'place-name' });
  heading.append(element('a', { href: frame.href }, card.name));
  const lines = [heading, ...card.head.map(lineElement), ...(frame.middle ?? []), ...card.tail.map(lineElement), ...(frame.end ?? [])];
  if (frame.body === undefined) item.append(...lines);
  else {
    const body = element('div', { class: frame.body });
    body.append(...lines);
    item.append(body, ...(frame.aside ?? []));
  }
  return item;
}
