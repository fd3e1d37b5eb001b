/**
 * « Écouter »: reads a place aloud with the device's own voices (speechSynthesis: no network,
 * works offline on phones), in the page's language. The button shows only where the device has
 * a voice for that language; it becomes « Arrêter la lecture » while reading.
 */
import type { Translate } from '../i18n/translate.ts';

/** The language a voice must speak: the page's (the easy-to-read French is French). */
export function voiceLanguage(locale: string): string {
  return locale.split('-')[0]!.toLowerCase();
}

/** A voice of the device for this language, if there is one. */
export function voiceFor(voices: readonly { lang: string }[], language: string): { lang: string } | undefined {
  return voices.find((voice) => voice.lang.toLowerCase().replace('_', '-').split('-')[0] === language);
}

let watchingVoices = false;

/**
 * Voices often arrive after the first buttons are drawn: one listener for the whole page shows
 * the buttons then. One per button would stay on `speechSynthesis` after its card is gone: each
 * search added twenty, kept every old card in memory and made the next ones slower to add.
 */
function watchVoices(): void {
  if (watchingVoices) return;
  watchingVoices = true;
  speechSynthesis.addEventListener('voiceschanged', () => {
    const voices = speechSynthesis.getVoices();
    for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-listen-language]')) button.hidden = !voiceFor(voices, button.dataset.listenLanguage!);
  });
}

export function listenButton(t: Translate, texts: () => string[]): HTMLButtonElement | null {
  if (!('speechSynthesis' in window)) return null;
  const language = voiceLanguage(t.locale);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button secondary listen';
  button.textContent = t('listen.button');
  button.dataset.listenLanguage = language;
  button.hidden = !voiceFor(speechSynthesis.getVoices(), language);
  watchVoices();
  button.addEventListener('click', () => {
    if (speechSynthesis.speaking) {
      speechSynthesis.cancel();
      return;
    }
    const voice = voiceFor(speechSynthesis.getVoices(), language) as SpeechSynthesisVoice | undefined;
    // Each part a sentence: one full stop after it, never two (« … 59000 Lille.. Téléphone »).
    const utterance = new SpeechSynthesisUtterance(
      texts()
        .map((text) => (/[.!?…]$/.test(text) ? text : `${text}.`))
        .join(' '),
    );
    utterance.lang = voice?.lang ?? language;
    if (voice) utterance.voice = voice;
    utterance.addEventListener('end', () => (button.textContent = t('listen.button')));
    button.textContent = t('listen.stop');
    speechSynthesis.speak(utterance);
  });
  return button;
}
