/** <charter-form>: a commune that signed the charter prepares its data file (see lib/correction/municipality.ts). */
import { clientTranslator, type Key, type Translate } from '../../i18n/translate.ts';
import { formatDate } from '../../lib/format.ts';
import { wallClock } from '../../lib/dates.ts';
import { municipalityFile, municipalityRecord, signingProblems, type MunicipalityInput, type SigningAnswers } from '../../lib/correction/municipality.ts';
import { recordYaml } from '../../lib/correction/record.ts';
import { fillCommunes, showOffer, showProblems, waysOf } from './form-kit.ts';

class CharterForm extends HTMLElement {
  private t!: Translate;
  private commitments: { id: string; label: string }[] = [];
  /** The communes that already have a file, by INSEE code: their file and its record. */
  private existing = new Map<string, { file: string; record: MunicipalityInput }>();

  private find<T extends Element = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  private get form(): HTMLFormElement {
    return this.find<HTMLFormElement>('[data-form]');
  }

  connectedCallback(): void {
    this.t = clientTranslator(this.dataset.i18n!);
    this.commitments = JSON.parse(this.dataset.commitments!) as { id: string; label: string }[];
    this.existing = new Map(Object.entries(JSON.parse(this.dataset.existing ?? '{}') as Record<string, { file: string; record: MunicipalityInput }>));
    const postcode = this.find<HTMLInputElement>('#postcode');
    const select = this.find<HTMLSelectElement>('#insee');
    postcode.addEventListener('input', () => void fillCommunes(select, postcode.value.trim(), '', this.t).then(() => this.showExisting()));
    select.addEventListener('change', () => this.showExisting());
    this.find<HTMLInputElement>('#signed').max = wallClock(new Date(), 'Europe/Paris').date;
    // Shown only once it can be checked here: never submitted by the browser itself (typed words would go into the address).
    this.form.hidden = false;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.check();
    });
  }

  /** A commune that already has a file: say so, and fill the form with what the file says. */
  private showExisting(): void {
    const select = this.find<HTMLSelectElement>('#insee');
    const notice = this.find('[data-existing-notice]');
    const known = this.existing.get(select.value);
    notice.hidden = !known;
    if (!known) return;
    notice.textContent = this.t('charterForm.existing', { name: select.selectedOptions[0]?.text ?? '', file: known.file });
    const set = (name: string, value: string | null | undefined) => ((this.form.elements.namedItem(name) as HTMLInputElement).value = value ?? '');
    set('signed', known.record.signed);
    set('evidence', known.record.evidence);
    for (const followUp of known.record.commitments ?? []) {
      const radio = this.form.querySelector<HTMLInputElement>(`input[name="status-${CSS.escape(followUp.commitment)}"][value="${CSS.escape(followUp.status)}"]`);
      if (!radio) continue;
      radio.checked = true;
      set(`date-${followUp.commitment}`, followUp.date);
      set(`evidence-${followUp.commitment}`, followUp.evidence);
    }
  }

  private answers(): SigningAnswers {
    const data = new FormData(this.form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const select = this.find<HTMLSelectElement>('#insee');
    return {
      insee: text('insee'),
      communeName: select.selectedOptions[0]?.value ? select.selectedOptions[0].text : '',
      signed: text('signed'),
      evidence: text('evidence'),
      commitments: this.commitments.map(({ id }) => ({ commitment: id, status: text(`status-${id}`), date: text(`date-${id}`), evidence: text(`evidence-${id}`) })),
      sourceName: text('sourceName'),
      sourceUrl: text('sourceUrl'),
      author: text('author'),
    };
  }

  private check(): void {
    const answers = this.answers();
    const today = wallClock(new Date(), 'Europe/Paris').date;
    const known = this.existing.get(answers.insee) ?? null;
    const record = municipalityRecord(answers, today, known?.record ?? null);
    const problems = signingProblems(record, answers, today);
    const items = problems.map(({ field, kind }) => [field, this.t(`charterForm.error.${kind}` as Key)] as const);
    if (showProblems(this.find('[data-errors]'), this.form, items, this.t)) {
      this.find('[data-result]').hidden = true;
      return;
    }
    // A commune that has a file keeps it: the same path, its tracked commitments kept.
    const file = known?.file ?? municipalityFile(answers.insee, answers.communeName);
    const text = recordYaml(record, this.t('charterForm.fileHeader', { date: formatDate(today), author: answers.author, file }), file);
    const lines = [
      this.t('charterForm.signedLine', { date: formatDate(answers.signed) }),
      ...answers.commitments
        .filter((item) => item.status)
        .map((item) =>
          this.t('charterForm.followUpLine', {
            commitment: this.commitments.find(({ id }) => id === item.commitment)!.label,
            status: this.t(`commitmentStatus.${item.status}` as Key),
            date: formatDate(item.date),
          }),
        ),
    ];
    showOffer(
      this.find('[data-result]'),
      {
        title: this.t('charterForm.ready', { name: answers.communeName }),
        lines,
        file,
        text,
        message: {
          subject: this.t('charterForm.mailSubject', { name: answers.communeName }),
          body: [
            this.t('charterForm.mailIntro', { name: answers.communeName, author: answers.author }),
            '',
            ...lines.map((line) => `- ${line}`),
            '',
            this.t('correction.mailFile', { file }),
            '',
            text,
          ].join('\n'),
        },
        // A new file: nothing to edit on the forge yet.
        exists: false,
      },
      waysOf(this),
    );
  }
}

customElements.define('charter-form', CharterForm);
