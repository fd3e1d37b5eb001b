/**
 * <orient-steps> (/orienter/): one step at a time, the answers and the step kept in the URL
 * (lib/orient/steps.ts), and a live count at each step: in France from the search's meta file
 * while no place is chosen, then the very count the results will show (the same engine).
 */
import { fillOf } from '../../i18n/french.ts';
import { clientTranslator, type Translate } from '../../i18n/translate.ts';
import { hasWhere, orientParams, searchParamsOf, STEPS, stepFrom } from '../../lib/orient/steps.ts';
import { searchUrl } from '../../lib/routes.ts';
import type { SearchRequest } from '../../lib/search/engine.ts';
import { engine } from '../search/browser-engine.ts';
import { currentPosition, PositionError } from '../search/geolocation.ts';
import { communeName, outcomeStatus } from '../search/render.ts';
import { element } from '../card.ts';
import { fillForm, filtersFrom, paramsFromForm } from '../search/state.ts';

class OrientSteps extends HTMLElement {
  private t!: Translate;
  private form!: HTMLFormElement;
  private step = 1;
  private run = 0;
  private near: { lat: number; lon: number } | null = null;

  connectedCallback(): void {
    // The results' status says « autour de … » as the search page does: « autour du Havre ».
    this.t = clientTranslator(this.dataset.i18n!, fillOf(document.documentElement.lang));
    this.form = this.querySelector('form')!;
    const params = new URLSearchParams(location.search);
    // fillForm needs a q field and fills selects and checkboxes by name.
    fillForm(this.form, params);
    this.commune.value = params.get('commune') ?? '';
    this.step = stepFrom(params);
    this.querySelector('[data-back]')!.addEventListener('click', () => this.go(this.step - 1));
    this.querySelector('[data-next]')!.addEventListener('click', () => this.go(this.step + 1));
    this.form.addEventListener('change', () => this.update());
    this.form.addEventListener('input', (event) => {
      // A commune chosen among several is for the words it was chosen for.
      if (event.target === this.town) this.commune.value = '';
      this.update();
    });
    // Enter in the town's field goes to the next step, as « Suivant » does: not to the results of an unfinished form.
    // With communes to choose from, to the first of them.
    // The count of what was just typed is awaited first: Enter pressed at once after « roubai » went on to
    // the next step, and the choice between Roubaix and Roubia came under its questions.
    this.town.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing) return;
      event.preventDefault();
      const step = this.step;
      void this.counting.then(() => {
        if (this.step !== step) return;
        const choice = this.querySelector<HTMLButtonElement>('[data-choices]:not([hidden]) button');
        if (choice) choice.focus();
        else this.go(this.step + 1);
      });
    });
    this.form.addEventListener('submit', (event) => {
      // Only the search's own parameters go to the results.
      event.preventDefault();
      location.assign(searchUrl(searchParamsOf(paramsFromForm(this.form))));
    });
    void this.serviceCounts();
    this.show(false);
    this.counting = this.count();
  }

  private go(step: number): void {
    this.step = Math.min(Math.max(step, 1), STEPS.length);
    this.show(true);
    this.update();
  }

  /** One step on screen; the focus goes to its question when the person moves. */
  private show(moveFocus: boolean): void {
    for (const fieldset of this.querySelectorAll<HTMLFieldSetElement>('fieldset[data-step]')) fieldset.hidden = Number(fieldset.dataset.step) !== this.step;
    this.querySelector('[data-progress]')!.textContent = this.t('orient.step', { step: this.step, steps: STEPS.length });
    (this.querySelector('[data-back]') as HTMLButtonElement).hidden = this.step === 1;
    (this.querySelector('[data-next]') as HTMLButtonElement).hidden = this.step === STEPS.length;
    if (moveFocus) {
      const current = this.querySelector<HTMLElement>(`fieldset[data-step="${this.step}"]`)!;
      const first = current.querySelector<HTMLElement>('input, select');
      first?.focus();
    }
  }

  private update(): void {
    const answers = paramsFromForm(this.form);
    history.replaceState(null, '', `${location.pathname}?${orientParams(answers, this.step)}`);
    // A field left ("change" after "input") asks nothing new: the count stays still, and so do the buttons under it.
    if (searchParamsOf(answers).toString() !== this.counted) this.counting = this.count();
  }

  /** The answers of the last count, and that count (it never rejects). */
  private counted = '';
  private counting: Promise<void> = Promise.resolve();

  private get town(): HTMLInputElement {
    return this.form.querySelector<HTMLInputElement>('input[name="q"]')!;
  }

  private get commune(): HTMLInputElement {
    return this.form.querySelector<HTMLInputElement>('input[name="commune"]')!;
  }

  /** The communes that match what was typed, each a button that chooses it (none: the list goes). */
  private offer(communes: readonly { insee: string; name: string; departement: string; departementName?: string; formerName?: string; arrondissement?: string }[]): void {
    const list = this.querySelector<HTMLUListElement>('[data-choices]')!;
    list.replaceChildren(
      ...communes.map((commune) => {
        const button = element(
          'button',
          { type: 'button', class: 'button secondary' },
          this.t('search.communeChoice', { name: communeName(this.t, commune), departement: commune.departementName ?? commune.departement }),
        );
        button.addEventListener('click', () => {
          this.town.value = commune.name;
          this.commune.value = commune.insee;
          this.update();
          // Back to the field when on its step; the list may be chosen from later steps too.
          (this.town.checkVisibility() ? this.town : (this.querySelector<HTMLElement>('[data-next]:not([hidden])') ?? this.querySelector<HTMLElement>('[data-results]')))?.focus();
        });
        const item = element('li');
        item.append(button);
        return item;
      }),
    );
    list.hidden = communes.length === 0;
  }

  private async serviceCounts(): Promise<void> {
    try {
      const meta = await engine.meta();
      for (const service of meta.services) {
        const slot = this.querySelector(`[data-service-count="${CSS.escape(service.id)}"]`);
        if (slot) slot.textContent = this.t('orient.serviceCount', { count: service.places });
      }
    } catch {
      // Counts are a help, not a need.
    }
  }

  private say(text: string): void {
    const slot = this.querySelector('[data-count]')!;
    if (slot.textContent !== text) slot.textContent = text;
  }

  private async count(): Promise<void> {
    const mine = ++this.run;
    const params = searchParamsOf(paramsFromForm(this.form));
    this.counted = params.toString();
    const filters = filtersFrom(params);
    try {
      if (!hasWhere(params)) {
        this.offer([]);
        const meta = await engine.meta();
        if (mine !== this.run) return;
        if (filters.services.length === 0) {
          const places = Object.values(meta.departements).reduce((sum, departement) => sum + departement.places, 0);
          this.say(this.t('orient.count.all', { places: this.t('count.places', { count: places }) }));
        } else if (filters.services.length === 1) {
          const service = meta.services.find((item) => item.id === filters.services[0]);
          this.say(this.t('orient.count.national', { count: service?.places ?? 0 }));
        } else this.say(this.t('orient.count.where'));
        return;
      }
      if (params.get('autour') === '1' && !this.near) {
        this.say(this.t('search.locating'));
        this.near = await currentPosition();
      }
      // Said only when it takes a while: a line that comes and goes moves the buttons under it.
      const slow = setTimeout(() => mine === this.run && this.say(this.t('orient.count.counting')), 400);
      const request: SearchRequest =
        params.get('autour') === '1'
          ? { q: '', near: this.near, nearKind: 'position', filters, now: new Date(), limit: 1, countOnly: true }
          : { q: params.get('q') ?? '', commune: params.get('commune') || null, filters, now: new Date(), limit: 1, countOnly: true };
      const outcome = await engine.search(request).finally(() => clearTimeout(slow));
      if (mine !== this.run) return;
      this.offer(outcome.type === 'choose' ? outcome.communes : []);
      if (outcome.type === 'choose') this.say(this.t('search.choose'));
      else if (outcome.type === 'none') this.say(this.t('orient.count.noCommune'));
      else this.say(outcomeStatus(this.t, outcome, false));
    } catch (error) {
      if (mine !== this.run) return;
      if (error instanceof PositionError) this.say(this.t(`search.geo.${error.failure}`));
      else this.say('');
    }
  }
}

customElements.define('orient-steps', OrientSteps);
