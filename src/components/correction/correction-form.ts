/**
 * <correction-form>: « Corriger cette fiche » / « Proposer un lieu ». Fills the form from the
 * place's current record (its département's file, /corriger/lieux/59.json), checks the answers
 * with the build's own schema (lib/correction/record.ts), explains each problem in plain words,
 * then gives the corrected data file, an e-mail that carries it and the forge's edit link.
 * Nothing leaves the device unless the person sends the e-mail.
 */
import { weekdayName, weekLines } from '../../i18n/hours.ts';
import { createTranslator, decodeWords, type Key, type Translate } from '../../i18n/translate.ts';
import { changesOf, correctedRecord, problemsOf, recordYaml, type Answers, type Change, type Problem } from '../../lib/correction/record.ts';
import type { CorrectionRecord } from '../../lib/correction/records.ts';
import { openingHoursOf, periodProblem, scheduleWeek, weekFromSchedule, type Period, type Week } from '../../lib/correction/week.ts';
import { formatDate, formatList } from '../../lib/format.ts';
import { wallClock } from '../../lib/dates.ts';
import { parseSelection } from '../../lib/orient/selection.ts';
import { CORRECTION_PARAM, correctionRecordsUrl, placeUrl } from '../../lib/routes.ts';
import type { PlaceInput } from '../../lib/schemas/place.ts';
import { engine } from '../search/browser-engine.ts';
import { fillCommunes, showOffer, showProblems, waysOf } from './form-kit.ts';

/** The form control that answers each field (its id). */
const INPUT_OF: Record<string, string> = {
  name: 'name',
  author: 'author',
  'address.street': 'street',
  'address.complement': 'complement',
  'address.postcode': 'postcode',
  'address.insee': 'insee',
  'contacts.phone': 'phone',
  'contacts.email': 'email',
  'contacts.website': 'website',
  'contacts.appointmentUrl': 'appointmentUrl',
  'hours.note': 'hoursNote',
};

class CorrectionForm extends HTMLElement {
  private t!: Translate;
  private words!: Record<string, string>;
  private services = new Map<string, string>();
  private base: CorrectionRecord | null = null;
  private weekTouched = false;

  private find<T extends Element = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  private get form(): HTMLFormElement {
    return this.find<HTMLFormElement>('[data-form]');
  }

  private control<T extends Element = HTMLInputElement>(name: string): T {
    return this.form.elements.namedItem(name) as unknown as T;
  }

  connectedCallback(): void {
    this.words = decodeWords(this.dataset.i18n!);
    this.t = createTranslator(this.words);
    for (const { id, label } of JSON.parse(this.dataset.services!) as { id: string; label: string }[]) this.services.set(id, label);
    // Shown only once it can be checked here: never submitted by the browser itself (typed words would go into the address).
    this.form.hidden = false;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.check();
    });
    this.find('[data-week]').addEventListener('input', () => (this.weekTouched = true));
    this.find('[data-week]').addEventListener('change', () => (this.weekTouched = true));
    this.control('postcode').addEventListener('input', () => void this.fillCommunes());
    const wanted = parseSelection(new URLSearchParams(location.search).get(CORRECTION_PARAM))[0];
    if (wanted) void this.load(wanted.departement, wanted.id);
  }

  private say(text: string, focus = false): void {
    const status = this.find('[data-status]');
    status.textContent = text;
    if (focus) status.focus();
  }

  private async load(departement: string, id: string): Promise<void> {
    this.say(this.t('correction.loading'));
    let records: Record<string, CorrectionRecord>;
    try {
      const response = await fetch(correctionRecordsUrl(departement));
      if (!response.ok) throw new Error(String(response.status));
      records = (await response.json()) as Record<string, CorrectionRecord>;
    } catch {
      this.say(this.t(navigator.onLine ? 'correction.notFound' : 'correction.offline'));
      return;
    }
    // Only the file's own ids: `67.constructor` is not a place (records[id] would reach Object.prototype).
    const found = Object.hasOwn(records, id) ? records[id] : undefined;
    if (!found) {
      this.say(this.t('correction.notFound'));
      return;
    }
    this.base = found;
    this.find('[data-title]').textContent = this.t('correction.title');
    this.find('[data-intro]').textContent = this.t('correction.intro');
    document.title = `${this.t('correction.title')} : ${found.record.name}`;
    await this.fill(found);
    this.say(this.t('correction.editing', { name: found.record.name }));
  }

  private async fill({ record, week }: CorrectionRecord): Promise<void> {
    const set = (name: string, value: string | null | undefined) => (this.control(name).value = value ?? '');
    set('name', record.name);
    set('kind', record.kind);
    set('street', record.address.street);
    set('complement', record.address.complement);
    set('postcode', record.address.postcode);
    set('phone', record.contacts?.phone);
    set('email', record.contacts?.email);
    set('website', record.contacts?.website);
    set('appointmentUrl', record.contacts?.appointmentUrl);
    set('hoursNote', record.hours?.note);
    const check = (name: string, values: readonly string[]) => {
      for (const box of this.form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) box.checked = values.includes(box.value);
    };
    check('services', record.services ?? []);
    check('fees', record.access?.fees ?? []);
    check('languages', record.languages ?? []);
    check('referral', [record.access?.referral ?? '']);
    check('appointment', [record.access?.appointment ?? '']);
    check('wheelchair', [record.accessibility?.wheelchair ?? '']);
    if (week) {
      this.writeWeek(weekFromSchedule(week));
      const now = this.find('[data-hours-now]');
      now.textContent = this.t('correction.hoursNow', { hours: weekLines(this.t, week).join(' ; ') || this.t('correction.empty') });
      now.hidden = false;
    }
    this.control('holidays').checked = !record.hours?.openingHours || /\bPH off\b/.test(record.hours.openingHours);
    await this.fillCommunes(record.address.insee);
  }

  private writeWeek(week: Week): void {
    week.forEach((periods, day) => {
      this.control(`open-${day}`).checked = periods.length > 0;
      for (const index of [0, 1]) {
        this.control(`from-${day}-${index}`).value = periods[index]?.from ?? '';
        this.control(`to-${day}-${index}`).value = periods[index]?.to ?? '';
      }
    });
  }

  private readWeek(): Week {
    return [0, 1, 2, 3, 4, 5, 6].map((day) => {
      if (!this.control(`open-${day}`).checked) return [];
      const periods: Period[] = [];
      for (const index of [0, 1]) {
        const from = this.control(`from-${day}-${index}`).value;
        const to = this.control(`to-${day}-${index}`).value;
        if (from || to || index === 0) periods.push({ from, to });
      }
      return periods;
    });
  }

  /** The communes of the postcode typed, in the « Commune » list. */
  private async fillCommunes(selected?: string): Promise<void> {
    const select = this.control<HTMLSelectElement>('insee');
    await fillCommunes(select, this.control('postcode').value.trim(), selected ?? select.value, this.t);
  }

  private answers(openingHours: string | null): Answers {
    const data = new FormData(this.form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    return {
      name: text('name'),
      kind: text('kind'),
      street: text('street'),
      complement: text('complement'),
      postcode: text('postcode').trim(),
      insee: text('insee'),
      phone: text('phone'),
      email: text('email').trim(),
      website: text('website').trim(),
      appointmentUrl: text('appointmentUrl').trim(),
      openingHours,
      hoursNote: text('hoursNote'),
      services: data.getAll('services').map(String),
      fees: data.getAll('fees').map(String),
      referral: text('referral'),
      appointment: text('appointment'),
      wheelchair: text('wheelchair'),
      languages: data.getAll('languages').map(String),
      author: text('author'),
      message: text('message').trim(),
    };
  }

  private async check(): Promise<void> {
    const week = this.readWeek();
    const dayProblems = week.map((periods, day) => (periodProblem(periods) ? day : -1)).filter((day) => day >= 0);
    const base = this.base?.record ?? null;
    const holidays = this.control('holidays').checked;
    const openingHours = base && !this.weekTouched ? (base.hours?.openingHours ?? null) : dayProblems.length > 0 ? null : openingHoursOf(week, holidays);
    const answers = this.answers(openingHours);
    const commune = answers.insee ? await engine.commune(answers.insee).catch(() => undefined) : undefined;
    const today = wallClock(new Date(), 'Europe/Paris').date;
    const changes = changesOf(base, answers);
    // A message alone (« le lieu a fermé »): the record as it is, neither verified nor sourced by the sender; the team reads the message.
    const record = base && changes.length === 0 ? base : correctedRecord(base, answers, today, commune ? { insee: commune.insee, lat: commune.lat, lon: commune.lon } : null);
    const problems = problemsOf(record, answers);
    if (problems.length > 0 || dayProblems.length > 0) {
      this.showProblems(problems, dayProblems);
      return;
    }
    this.showProblems([], []);
    if (base && changes.length === 0 && !answers.message) {
      this.find('[data-result]').hidden = true;
      this.say(this.t('correction.nothingChanged'), true);
      return;
    }
    this.say('');
    this.showResult(record, changes, answers, week, commune?.name ?? '');
  }

  private fieldLabel(field: string): string {
    return this.words[`correction.field.${field}`] ?? field;
  }

  private problemText(problem: Problem): string {
    if (problem.kind !== 'schema') return this.t(`correction.error.${problem.kind}` as Key);
    const own = this.words[`correction.error.${problem.field}`];
    return own ?? this.t('correction.error.other', { field: this.fieldLabel(problem.field) });
  }

  private showProblems(problems: readonly Problem[], days: readonly number[]): void {
    const items: [string, string][] = [
      ...problems.map((problem): [string, string] => [INPUT_OF[problem.field] ?? INPUT_OF[problem.field.split('.').slice(0, 2).join('.')] ?? 'name', this.problemText(problem)]),
      ...days.map((day): [string, string] => [`from-${day}-0`, this.t('correction.error.hours', { day: this.capital(weekdayName(this.t, day)) })]),
    ];
    if (showProblems(this.find('[data-errors]'), this.form, items, this.t)) this.find('[data-result]').hidden = true;
  }

  private capital(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** A value as the person reads it: labels for lists, the week in words, the commune's name. */
  private shown(change: Change, side: 'before' | 'after', week: Week, communeName: string): string {
    const value = change[side];
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return this.t('correction.empty');
    // A single answer (a word, yes or no) as written; anything else as JSON, never "[object Object]".
    const plain = typeof value === 'string' ? value : JSON.stringify(value);
    const labels = (prefix: string) =>
      formatList(
        this.t,
        (value as string[]).map((id) => this.words[`${prefix}.${id}`] ?? id),
      );
    switch (change.field) {
      case 'kind':
        return this.words[`kind.${plain}`] ?? plain;
      case 'services':
        return formatList(
          this.t,
          (value as string[]).map((id) => this.services.get(id) ?? id),
        );
      case 'access.fees':
        return labels('fee');
      case 'languages':
        return labels('language');
      case 'access.referral':
      case 'access.appointment':
      case 'accessibility.wheelchair':
        return this.words[`${{ 'access.referral': 'referral', 'access.appointment': 'appointment', 'accessibility.wheelchair': 'wheelchair' }[change.field]}.${plain}`] ?? plain;
      case 'address.insee':
        return side === 'after' && communeName ? communeName : plain;
      case 'hours.openingHours': {
        const minutes = side === 'after' ? scheduleWeek(week) : this.base?.week;
        return minutes ? weekLines(this.t, minutes).join(' ; ') : plain;
      }
      default:
        return plain;
    }
  }

  private showResult(record: PlaceInput, changes: readonly Change[], answers: Answers, week: Week, communeName: string): void {
    const isNew = !this.base;
    const lines = changes.map((change) =>
      isNew
        ? this.t('correction.added', { field: this.fieldLabel(change.field), after: this.shown(change, 'after', week, communeName) })
        : this.t('correction.change', { field: this.fieldLabel(change.field), before: this.shown(change, 'before', week, communeName), after: this.shown(change, 'after', week, communeName) }),
    );
    if (answers.message) lines.push(this.t('correction.messageLine', { message: answers.message }));
    const today = wallClock(new Date(), 'Europe/Paris').date;
    const author = answers.author.trim();
    const file = this.base?.file ?? `data/places/${record.id}.yaml`;
    const header = this.t('correction.fileHeader', {
      action: this.t(isNew ? 'correction.actionProposed' : changes.length === 0 ? 'correction.actionReported' : 'correction.actionCorrected'),
      date: formatDate(today),
      author,
      file,
    });
    const yaml = recordYaml(record, answers.message ? `${header}\n${this.t('correction.fileMessage', { author })}\n${answers.message}` : header, file);
    const url = this.base ? new URL(placeUrl(record.id), location.origin).href : '';
    const intro = this.t(isNew ? 'correction.mailIntroNew' : 'correction.mailIntro', { name: this.base?.record.name ?? record.name, url, author });
    showOffer(
      this.find('[data-result]'),
      {
        title: this.t(isNew ? 'correction.readyNew' : 'correction.ready'),
        lines,
        file,
        text: yaml,
        message: {
          subject: this.t(isNew ? 'correction.mailSubjectNew' : 'correction.mailSubject', { name: record.name }),
          body: [intro, '', this.t('correction.mailChanges'), ...lines.map((line) => `- ${line}`), '', this.t('correction.mailFile', { file }), '', yaml].join('\n'),
        },
        exists: !isNew,
      },
      waysOf(this),
    );
  }
}

customElements.define('correction-form', CorrectionForm);
