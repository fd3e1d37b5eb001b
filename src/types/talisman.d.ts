/** talisman ships no types for its French phonetic module (see src/lib/search/sound.ts). */
declare module 'talisman/phonetics/french/sonnex.js' {
  /** How a French word sounds, written with one symbol per sound (Sonnex). */
  export default function sonnex(word: string): string;
}
