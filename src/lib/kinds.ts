/**
 * What a kind of place is, for pages, the search and the map: its shape and colour (never
 * colour alone: the shape tells it too). Its words are in the dictionary: `kind.<id>` (full
 * label), `kindShort.<id>` (in a sentence), `shape.<shape>`.
 */
import { KIND_IDS, type Kind } from './vocab.ts';

export { KIND_IDS, type Kind };

export type Shape = 'square' | 'triangle' | 'circle';

export const KINDS: Record<Kind, { shape: Shape; colour: string }> = {
  'solidarity-space': { shape: 'square', colour: '#0b4f8a' },
  relay: { shape: 'triangle', colour: '#6b3fa0' },
  other: { shape: 'circle', colour: '#17663a' },
};

const SHAPES: Record<Shape, string> = {
  square: '<rect x="3" y="3" width="18" height="18" rx="2"',
  triangle: '<path d="M12 2 L23 21 L1 21 Z"',
  circle: '<circle cx="12" cy="12" r="9"',
};

/** The kind's symbol as SVG markup (a 24 × 24 view box), filled with its colour. */
export function kindSymbol(kind: Kind): string {
  const { shape, colour } = KINDS[kind];
  return `<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${SHAPES[shape]} fill="${colour}" /></svg>`;
}

/** A kind's position in KIND_IDS, as search rows store it, and back. */
export const kindCode = (kind: Kind): number => KIND_IDS.indexOf(kind);
export const kindOfCode = (code: number): Kind => KIND_IDS[code] ?? 'other';

/**
 * A place of the Emmaüs Connect network: one of its solidarity spaces, a relay it trained, or a
 * place the national data lists in its programmes. The search's « Emmaüs Connect » filter, the
 * distances to the network and the posters all ask this one question.
 */
export const isNetworkPlace = (place: { kind: Kind; programmes: readonly string[] }): boolean =>
  place.kind !== 'other' || place.programmes.includes('emmaus-connect') || place.programmes.includes('relais-emmaus-connect');
