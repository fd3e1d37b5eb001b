/**
 * A linter for easy-to-read French ("Facile à lire et à comprendre", FALC) and two
 * readability scores. Pure TypeScript, no dependency: run by tests/unit/falc.test.ts on every
 * text of ./locales/fr-falc.ts.
 *
 * Sources of the rules:
 * - Inclusion Europe, « L'information pour tous : règles européennes pour une information
 *   facile à lire et à comprendre » (2009), published in French with Unapei;
 * - Unapei, which carries these rules in France with the « Facile à lire et à comprendre » logo;
 * - info.gouv.fr (the French Government's information site): at most 12 words a sentence.
 *
 * What the program checks, sentence by sentence (a sentence ends at . ! ? … or a line break;
 * a dot between two digits does not end one):
 * - `sentence-length` (error): at most 12 words. A word is a run of characters between spaces
 *   that holds a letter or a digit; « l’aide » and « e-mail » are one word; punctuation alone
 *   (« : », « · », « « ») is none; a placeholder (`{name}`) is one word, even glued to another
 *   (`trouvés{where}` is two). Source: info.gouv.fr; Inclusion Europe asks for short sentences.
 * - `semicolon` (error): no « ; ». Inclusion Europe: keep punctuation simple.
 * - `comma` (error): at most one comma a sentence (a decimal comma, between digits, is not
 *   counted). Inclusion Europe: one idea a sentence, short sentences, simple punctuation.
 * - `percentage` (error): no « % » nor « pour cent ». Inclusion Europe: avoid percentages,
 *   write « beaucoup » or « peu ».
 * - `large-number` (error): no number of 4 digits or more (« 2026 », « 91350 », « 8 461 »)
 *   outside placeholders. Inclusion Europe: avoid large numbers, write « beaucoup ». A
 *   placeholder's value (a count, a phone number) is data, not the writer's choice.
 * - `abbreviation` (error): no abbreviation of a known list (CAF, CPAM, RSA…, « etc. »,
 *   « ex. », « km »), unless the same text explains it in parentheses: « Caisse
 *   d’allocations familiales (CAF) » or « CAF (Caisse d’allocations familiales) ».
 *   A word of 2 to 6 capitals that is not on the list, nor a common word everyone knows
 *   (SMS, QR, OK, CV…), is a warning: it may be an abbreviation the list lacks.
 *   Inclusion Europe and Unapei: no abbreviation, or explain it.
 * - `negative` (warning): « ne … pas / plus / jamais / rien / personne / aucun », « n’… pas »,
 *   a negative subject (« Aucun lieu ne… », « Personne ne… »), a bare « pas » or « jamais »
 *   (« Pas besoin »), and « non » (« non renseigné »). A warning, not an error: a negative is
 *   sometimes the only true way to say a thing (« Aucun lieu connu ne propose cela »).
 *   Inclusion Europe and Unapei: prefer the positive form.
 * - `italics` (error): no italics markers (`*mot*`, `_mot_`, `<i>`, `<em>`). Inclusion Europe:
 *   no italics (bold marks an important word, and stays allowed).
 * - `long-word` (warning): no word longer than 15 letters (the elided article of « l’… » and
 *   hyphens are not letters). Long words are hard to read; some are the only word there is.
 *
 * What a program CANNOT check, and a person must:
 * - one idea a sentence (a short sentence can still hold two ideas);
 * - common words (no list of « words everyone knows » is reliable; a short word can be jargon);
 * - the positive form in general (« Il faut un rendez-vous » rather than « Vous ne pouvez pas
 *   venir sans rendez-vous »: only a reader can tell when a positive works);
 * - the same word for the same thing everywhere (« lieu » and never « structure » or
 *   « endroit » for a help point): that is a matter of meaning, checked by reading;
 * - that the meaning is exactly that of the standard French text;
 * - layout: large type, left-aligned, one sentence a line, a pictogram beside each idea;
 * - above all, proofreading by people with intellectual disabilities: the FALC method requires
 *   it before a text can carry the « Facile à lire » logo. Passing this linter is not that.
 *
 * Readability (`readability`):
 * - LIX (Björnsson): words/sentences + 100 × long words/words, a long word having more than
 *   6 letters. Needs no syllables, works across languages; on Björnsson's scale, under 30 is
 *   very easy, 30 to 40 easy, 40 to 50 medium, over 50 hard. French words are long, so French
 *   scores higher than English for the same ease.
 * - Kandel-Moles (Flesch adapted to French, 1958): 207 − 1.015 × words/sentence − 73.6 ×
 *   syllables/word; higher is easier (over 70 is easy). Syllables are counted simply: groups
 *   of vowels (y included), with « qu » and « gu » before e/i/y read as one consonant, and a
 *   final « e » or « es » after a consonant silent when the word has another vowel group.
 * A placeholder counts as one short word of one syllable. A text with no word scores 0.
 */

export type FalcRule = 'sentence-length' | 'semicolon' | 'comma' | 'percentage' | 'large-number' | 'abbreviation' | 'negative' | 'italics' | 'long-word';

export type FalcSeverity = 'error' | 'warning';

export interface FalcProblem {
  rule: FalcRule;
  severity: FalcSeverity;
  /** The sentence where the problem is (placeholders as written). */
  sentence: string;
  /** What was found: the word count, the abbreviation, the negative, the long word… */
  found: string;
}

export const MAX_WORDS = 12;
export const MAX_COMMAS = 1;
export const MAX_LETTERS = 15;
const LONG_WORD_LIX = 6;

/** Abbreviations a reader may not know: an error unless explained in the same text. */
export const KNOWN_ABBREVIATIONS = [
  'AAH',
  'ALT',
  'AME',
  'ANCT',
  'ANTS',
  'APL',
  'ARS',
  'ASE',
  'CADA',
  'CAF',
  'CCAS',
  'CD',
  'CESU',
  'CHRS',
  'CHU',
  'CIAS',
  'CIDFF',
  'CMU',
  'CNI',
  'CPAM',
  'CSS',
  'EPCI',
  'FALC',
  'FJT',
  'HLM',
  'HUDA',
  'INSEE',
  'LHSS',
  'MDPH',
  'MDS',
  'MJC',
  'MSA',
  'MSAP',
  'OFII',
  'OFPRA',
  'OSM',
  'PMI',
  'RGAA',
  'RNA',
  'RSA',
  'SIRET',
  'UDAF',
  'URSSAF',
] as const;

/** Capitals everyone reads as a word: no warning. */
const COMMON_CAPITALS = new Set(['OK', 'SMS', 'QR', 'CV', 'PDF', 'USB', 'TV', 'GPS', 'WIFI']);

/** Lower-case abbreviations, with the dot that makes them one (matched on the whole text). */
const DOTTED_ABBREVIATIONS = /(?<![\p{L}\p{N}])(etc|ex|env|tél|cf|càd|c\.-à-d|max|min|svp)\.|(?<![\p{L}\p{N}])n°|(?<![\p{L}\p{N}])svp(?![\p{L}\p{N}])/giu;
/** Units written short, after a number or a placeholder. */
const UNITS = /(?:\d|\uE000)\s*(km|m|kg|min)(?![\p{L}\p{N}])/gu;

const PLACEHOLDER = /\{\w+\}/g;
/** A placeholder stands for one word: a private-use letter nothing else writes. */
const SLOT = '\uE000';
const ELIDED = /^(?:l|d|n|s|c|j|m|t|qu|jusqu|lorsqu|puisqu|quoiqu)['’]/i;
const NEGATION_SECOND = new Set(['pas', 'plus', 'jamais', 'rien', 'personne', 'aucun', 'aucune', 'guère']);
const BARE_NEGATIONS = new Set(['pas', 'jamais', 'non']);
const NEGATION_SUBJECTS = new Set(['aucun', 'aucune', 'personne', 'rien', 'jamais', 'nul', 'nulle']);
const VOWELS = /[aeiouyàâäéèêëîïôöùûüÿœæ]+/g;

interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** The sentences of a text, with where each starts and ends in it; pieces without a word are left out. */
export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const boundary = /\n|[!?…]+|(?<!\d)\.+|\.+(?!\d)/g;
  let start = 0;
  const push = (end: number) => {
    const piece = text.slice(start, end);
    if (wordsOf(piece).length > 0) {
      const lead = piece.length - piece.trimStart().length;
      sentences.push({ text: piece.trim(), start: start + lead, end });
    }
  };
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return sentences;
}

/** The words of a piece of text; each placeholder is one word, an HTML tag none. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/<\/?[a-z][^<>]*>/gi, ' ')
    .replace(PLACEHOLDER, ` ${SLOT} `)
    .split(/[\s\u00a0\u202f]+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}\uE000]+|[^\p{L}\p{N}\uE000]+$/gu, ''))
    .filter((token) => /[\p{L}\p{N}\uE000]/u.test(token));
}

/** The letters of a word that a reader reads: without an elided article (« l’ », « qu’ ») nor hyphens. */
function lettersOf(word: string): number {
  if (word === SLOT) return 0;
  return (word.replace(ELIDED, '').match(/\p{L}/gu) ?? []).length;
}

/** Syllables of a word, simply: vowel groups, « qu »/« gu » as consonants, a final mute « e »/« es » left out. */
export function syllablesOf(word: string): number {
  if (word === SLOT) return 1;
  const elided = ELIDED.exec(word)?.[0] ?? '';
  // « jusqu’ », « lorsqu’ »… are a syllable of their own; « l’ », « qu’ » are none.
  const ownSyllable = elided.length > 3 ? 1 : 0;
  const rest = word
    .slice(elided.length)
    .toLowerCase()
    .replace(/qu/g, 'k')
    .replace(/gu(?=[eiyéèêë])/g, 'g');
  const groups = rest.match(VOWELS)?.length ?? 0;
  const muteEnding = groups > 1 && /[^aeiouyàâäéèêëîïôöùûüÿœæ]es?$/.test(rest);
  return ownSyllable + Math.max(1, groups - (muteEnding ? 1 : 0));
}

/** Every problem of a text against the checkable FALC rules, errors and warnings. */
export function lintFalc(text: string): FalcProblem[] {
  const problems: FalcProblem[] = [];
  const sentences = sentencesOf(text);
  const sentenceAt = (index: number): string => (sentences.find((sentence) => index >= sentence.start && index < sentence.end) ?? sentences.at(-1))?.text ?? text.trim();
  const add = (rule: FalcRule, severity: FalcSeverity, sentence: string, found: string) => problems.push({ rule, severity, sentence, found });
  const bare = text.replace(PLACEHOLDER, SLOT);

  for (const sentence of sentences) {
    const plain = sentence.text.replace(PLACEHOLDER, SLOT);
    const words = wordsOf(sentence.text);
    if (words.length > MAX_WORDS) add('sentence-length', 'error', sentence.text, String(words.length));
    if (/[;；]/.test(plain)) add('semicolon', 'error', sentence.text, ';');
    const commas = plain.replace(/(?<=\d),(?=\d)/g, '').split(',').length - 1;
    if (commas > MAX_COMMAS) add('comma', 'error', sentence.text, String(commas));
    for (const word of words) if (lettersOf(word) > MAX_LETTERS) add('long-word', 'warning', sentence.text, word);
    const negative = negativeIn(words);
    if (negative) add('negative', 'warning', sentence.text, negative);
  }

  for (const match of bare.matchAll(/%|(?<![\p{L}])pour\s?cents?(?![\p{L}])/giu)) add('percentage', 'error', sentenceAt(match.index), match[0]);
  for (const match of bare.matchAll(/(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?![\d])|\d{4,}/g)) add('large-number', 'error', sentenceAt(match.index), match[0]);

  const explained = (abbreviation: string) =>
    new RegExp(`[\\p{L}][^()]*\\(\\s*${abbreviation}\\s*\\)`, 'u').test(text) || new RegExp(`(?<![\\p{L}])${abbreviation}\\s*\\(\\s*[\\p{L}][^()]*\\s[\\p{L}][^()]*\\)`, 'u').test(text);
  for (const abbreviation of KNOWN_ABBREVIATIONS) {
    if (explained(abbreviation)) continue;
    for (const match of bare.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${abbreviation}(?![\\p{L}\\p{N}])`, 'gu'))) {
      add('abbreviation', 'error', sentenceAt(match.index), abbreviation);
    }
  }
  for (const match of bare.matchAll(DOTTED_ABBREVIATIONS)) add('abbreviation', 'error', sentenceAt(match.index), match[0]);
  for (const match of bare.matchAll(UNITS)) add('abbreviation', 'error', sentenceAt(match.index), match[1]!);
  const known = new Set<string>(KNOWN_ABBREVIATIONS);
  for (const match of bare.matchAll(/(?<![\p{L}\p{N}])[A-ZÀ-ÖØ-Þ]{2,6}(?![\p{L}\p{N}])/gu)) {
    if (!known.has(match[0]) && !COMMON_CAPITALS.has(match[0]) && !explained(match[0])) add('abbreviation', 'warning', sentenceAt(match.index), match[0]);
  }

  for (const match of bare.matchAll(/<\/?(?:i|em)\b[^>]*>|(?<![\p{L}\p{N}*_])([*_])(?=[^\s*_])[^*_\n]*[^\s*_]\1(?![\p{L}\p{N}*_])/giu)) {
    add('italics', 'error', sentenceAt(match.index), match[0]);
  }
  return problems;
}

/** The negative of a sentence's words, as written (« n’existe … plus »), or null. */
function negativeIn(words: readonly string[]): string | null {
  const lower = words.map((word) => word.toLowerCase().replace(/'/g, '’'));
  for (let i = 0; i < lower.length; i++) {
    const word = lower[i]!;
    if (word === 'ne' || word.startsWith('n’')) {
      const second = lower.findIndex((next, j) => j > i && NEGATION_SECOND.has(next));
      if (second > i) return `${words[i]} … ${words[second]}`;
      // A negative subject before the verb: « Aucun lieu ne… », « Personne ne… », « Rien n’… ».
      const subject = lower.findIndex((previous, j) => j < i && NEGATION_SUBJECTS.has(previous));
      if (subject >= 0) return `${words[subject]} … ${words[i]}`;
    }
  }
  const bare = lower.findIndex((word) => BARE_NEGATIONS.has(word));
  return bare >= 0 ? words[bare]! : null;
}

export interface Readability {
  sentences: number;
  words: number;
  /** Words of more than 6 letters (LIX). */
  longWords: number;
  syllables: number;
  lix: number;
  kandelMoles: number;
}

/** Counts and scores of a text; to score many texts together, join them with line breaks. */
export function readability(text: string): Readability {
  let sentences = 0;
  let words = 0;
  let longWords = 0;
  let syllables = 0;
  for (const sentence of sentencesOf(text)) {
    sentences++;
    for (const word of wordsOf(sentence.text)) {
      words++;
      if (lettersOf(word) > LONG_WORD_LIX) longWords++;
      syllables += syllablesOf(word);
    }
  }
  if (words === 0) return { sentences, words, longWords, syllables, lix: 0, kandelMoles: 0 };
  return {
    sentences,
    words,
    longWords,
    syllables,
    lix: words / sentences + (100 * longWords) / words,
    kandelMoles: 207 - (1.015 * words) / sentences - (73.6 * syllables) / words,
  };
}
