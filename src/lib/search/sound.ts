/**
 * How a commune's name sounds, for a person who writes it by ear: « bordo » is Bordeaux,
 * « nansi » Nancy, « kreteil » Créteil, « tuluz » Toulouse. The French phonetic algorithm Sonnex
 * (talisman's implementation), with a few sounds merged that such spellings mix up in town
 * names: « ou » and « u » (a confusion of many people whose first language is not French), « z »
 * and « s », « è » and « e » before a consonant, a final « s », the silent « t » or « d » after a nasal sound (« saint »,
 * « montpellier », « ferrand »), the « il » of « ville » and « Lille », the « eye » of « Marseille », the « an » of Caen and Laon,
 * the « ks » of Ajaccio.
 *
 * Loaded only when a name is not found as written, or ends with a small village's (« klermon
 * ferran », see SearchEngine.citiesSaidLike()); the engine imports it on demand: Sonnex is
 * 2 kB of the 13 kB search code. The offline download has it (integrations/offline.ts).
 */
import sonnex from 'talisman/phonetics/french/sonnex.js';

/** A « t » or « d » after one of Sonnex's nasal sounds (1–4: in, an, on, un), before a consonant or at the end (not before a vowel: Menton, Antony). */
const SILENT_AFTER_NASAL = /([1-4])[td](?![aeiouy1-4])/g;

/** The sound of a normalized name (see normalize()), word by word. */
export function soundOf(key: string): string {
  return key
    .split(' ')
    .map((word) => {
      // « ville » and « Lille » say « il », not the « ill » of « fille » that Sonnex reads in them.
      // « eille » says « eye » (Marseille, « marseye »); Sonnex reads an « l » in it, not in « aille ».
      // A final « aen » or « aon » says « an »: Caen (« kan »), Laon (« lan »), Craon.
      let sound = sonnex(
        word === 'lille'
          ? 'lil'
          : word
              .replaceAll('vill', 'vil')
              .replaceAll('eill', 'ey')
              // « cc » before « e » or « i » says « ks » (Ajaccio, « ajaxio »); Sonnex drops the « i » after it.
              .replace(/cc(?=[ei])/g, 'ks')
              .replace(/a[eo]n$/, 'an'),
      )
        .replaceAll('U', 'u')
        .replaceAll('z', 's')
        // « è » before a consonant said as « e » (« rene » is Rennes, « monpelier » Montpellier);
        // not at the end, where « eu » (Thieux) and « ai » (Thiais) differ.
        .replace(/E(?=[^aeiouy1-4])/g, 'e');
      if (sound.length > 1 && sound.endsWith('s')) sound = sound.slice(0, -1);
      // A silent « t » or « d » after a nasal sound, at the end (« saint », « ferrand ») or before a consonant (« montpellier »).
      sound = sound.replace(SILENT_AFTER_NASAL, '$1');
      return sound;
    })
    .filter(Boolean)
    .join(' ');
}

/**
 * The sounds a name written by ear may stand for: its own, and when it ends with a vowel and an
 * « n » or « m », also that vowel said with the consonant (« kan » is Caen, or Cannes written as
 * it sounds; « pon », Pons or Ponts).
 */
export function soundsOf(key: string): string[] {
  const sound = soundOf(key);
  if (!/[aeiouy][nm]$/.test(key)) return [sound];
  const oral = soundOf(key + key.at(-1)!);
  return oral === sound ? [sound] : [sound, oral];
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
