/**
 * How a commune's name sounds, for a person who writes it by ear: « bordo » is Bordeaux,
 * « nansi » Nancy, « kreteil » Créteil, « tuluz » Toulouse. The French phonetic algorithm Sonnex
 * (talisman's implementation), with a few sounds merged that such spellings mix up in town
 * names: « ou » and « u » (a confusion of many people whose first language is not French), « z »
 * and « s », a final « s », the silent « t » or « d » after a nasal sound (« saint », « mont »,
 * « ferrand »), and the « il » of « ville » and « Lille ».
 *
 * Loaded only when a name is not found as written (the engine imports it on demand): Sonnex is
 * 2 kB of the 12 kB search code, and the offline download leaves it out (integrations/offline.ts)
 * until it is first used online.
 */
import sonnex from 'talisman/phonetics/french/sonnex.js';

/** Sonnex's symbols for the nasal sounds (in, an, on, un). */
const NASAL = '1234';

/** The sound of a normalized name (see normalize()), word by word. */
export function soundOf(key: string): string {
  return key
    .split(' ')
    .map((word) => {
      // « ville » and « Lille » say « il », not the « ill » of « fille » that Sonnex reads in them.
      let sound = sonnex(word === 'lille' ? 'lil' : word.replaceAll('vill', 'vil'))
        .replaceAll('U', 'u')
        .replaceAll('z', 's');
      if (sound.length > 1 && sound.endsWith('s')) sound = sound.slice(0, -1);
      if (sound.length > 1 && /[td]$/.test(sound) && NASAL.includes(sound.at(-2)!)) sound = sound.slice(0, -1);
      return sound;
    })
    .filter(Boolean)
    .join(' ');
}

/**
 * The first letters of names that may begin with the same sound as a name of this first letter.
 * Not « s » for « c »: a name said « s… » is written with an « s » far more often (5,600 names),
 * and reading them all for every « c… » typo cost 9 more files.
 */
const ALIKE: Record<string, string> = {
  c: 'ckq',
  k: 'kcq',
  q: 'qkc',
  s: 'scz',
  z: 'zs',
  g: 'gj',
  j: 'jg',
  f: 'fp',
  p: 'pf',
  a: 'aeho',
  e: 'eah',
  o: 'oahe',
  i: 'iyh',
  y: 'yi',
  u: 'uoh',
  h: 'haeiou',
};

/** The initials (see initialOf()) whose names may sound like a name starting with this letter. */
export function soundInitials(initial: string): string[] {
  return [...(ALIKE[initial] ?? initial)];
}
