/**
 * The pages and widgets of the communes without a known place (about 30,000), written from
 * the templates Astro rendered once (src/pages/modele/): each commune's values and the place
 * fragments are put in the ⟦placeholders⟧. Astro itself would take about a minute for these
 * 60,000 pages; this takes a few seconds. The templates are then removed from the site.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { t } from '../src/i18n/index.ts';
import { frenchJoin, splitBefore } from '../src/i18n/french.ts';
import { communeUrl, widgetUrl } from '../src/lib/routes.ts';
import { getDirectory } from '../src/site/data.ts';
import { placelessOf, TEMPLATE_DIR, type Near, type PlacelessCommune } from '../src/site/placeless.ts';
import { territoriesOf } from '../src/site/territories.ts';

/** Text and attribute values, made safe for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A template cut once at its ⟦placeholders⟧: filling it is then a join, for 30,000 pages. French
 * joins « de » and « à » to a name, as t() does (« autour d’Évry », « au Havre »): which
 * placeholders follow such a word is found here, once.
 */
export function compile(template: string): (values: Record<string, string>) => string {
  const parts = template.split(/⟦(\w+)⟧/);
  const slots: { head: string; before: string | null; name: string }[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const [head, before] = splitBefore(parts[i - 1]!);
    slots.push({ head, before, name: parts[i]! });
  }
  const end = parts.at(-1)!;
  return (values) => {
    let out = '';
    for (const { head, before, name } of slots) {
      const value = values[name];
      // A placeholder without a value is an error, never left on a page.
      if (value === undefined) throw new Error(`commune-pages: no value for ⟦${name}⟧`);
      out += head + (before ? frenchJoin(before, value) : value);
    }
    return out + end;
  };
}

/** Fills every ⟦name⟧ of a template once. */
export function fill(template: string, values: Record<string, string>): string {
  return compile(template)(values);
}

export type FragmentKind = 'card' | 'poster' | 'widget';

/**
 * The fragments of every place, by kind, from the parts in /modele/fragments/. At 50,000 places
 * they are 90 million characters, which a string keeps in two bytes each (their ⟦placeholders⟧
 * and apostrophes are not Latin-1): held as strings for the whole loop, they took 180 MB of the
 * build's memory. They are kept as UTF-8 bytes instead, about half, and each is compiled when a
 * page asks for it, then kept until forget(): the pages of a département mostly show the same
 * places.
 *
 * Astro writes a component's script with each of its fragments; the script is kept once here,
 * and added once after a list of fragments (scripts()).
 */
export class Fragments {
  private readonly parts: Buffer[] = [];
  private readonly places: Record<FragmentKind, Map<string, number>> = { card: new Map(), poster: new Map(), widget: new Map() };
  /** Where each fragment's bytes are: its part, its start and its end, three numbers for each. */
  private readonly where: number[] = [];
  private readonly compiled = new Map<number, (values: Record<string, string>) => string>();
  private readonly scriptsOf: Record<FragmentKind, Set<string>> = { card: new Set(), poster: new Set(), widget: new Set() };

  /** Reads one part of fragments (the HTML Astro rendered). */
  add(html: string): void {
    const bytes = Buffer.allocUnsafe(Buffer.byteLength(html));
    const part = this.parts.length;
    let used = 0;
    for (const [, kind, id, markup] of html.matchAll(/<template data-(card|poster|widget)="([^"]+)">([\s\S]*?)<\/template>/g)) {
      const scripts = this.scriptsOf[kind as FragmentKind];
      const written = bytes.write(
        markup!.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, (script) => (scripts.add(script), '')),
        used,
      );
      this.places[kind as FragmentKind].set(id!, this.where.length);
      this.where.push(part, used, used + written);
      used += written;
    }
    this.parts.push(bytes.subarray(0, used));
  }

  ids(kind: FragmentKind): string[] {
    return [...this.places[kind].keys()];
  }

  /** A place's fragment of this kind, its placeholders filled. */
  fill(kind: FragmentKind, id: string, values: Record<string, string>): string {
    const at = this.places[kind].get(id);
    if (at === undefined) throw new Error(`commune-pages: no ${kind} fragment for ${id}`);
    let fillIn = this.compiled.get(at);
    if (!fillIn) {
      fillIn = compile(this.parts[this.where[at]!]!.toString('utf8', this.where[at + 1], this.where[at + 2]));
      this.compiled.set(at, fillIn);
    }
    return fillIn(values);
  }

  /** The scripts the fragments of a kind need, each once. */
  scripts(kind: FragmentKind): string {
    return [...this.scriptsOf[kind]].join('');
  }

  /** Forgets the compiled fragments (they are compiled again when asked). */
  forget(): void {
    this.compiled.clear();
  }
}

/** The fragments of each place, by kind, from one page of them. */
export function readFragments(html: string): Fragments {
  const fragments = new Fragments();
  fragments.add(html);
  return fragments;
}

/** The fragments of a list, and their scripts once. */
function pieces(fragments: Fragments, kind: FragmentKind, list: readonly Near[], a4Count = Infinity): string {
  if (list.length === 0) return '';
  return list.map(([id, distance], index) => fragments.fill(kind, id, { km: escapeHtml(distance), only: index >= a4Count ? 'a3-only' : '' })).join('') + fragments.scripts(kind);
}

/** The values of one commune's page and widget. */
export function valuesOf(commune: PlacelessCommune, fragments: Fragments): Record<string, string> {
  const more = (count: number, paper: string) => (count > 0 ? `<p class="poster-more ${paper}-only">${escapeHtml(t('poster.more', { count }))}</p>` : '');
  return {
    insee: escapeHtml(commune.insee),
    slug: escapeHtml(commune.slug),
    name: escapeHtml(commune.name),
    code: escapeHtml(commune.departement.code),
    postcodes: escapeHtml(commune.postcodes),
    departement: escapeHtml(commune.departement.name),
    departementLabel: escapeHtml(t('departement.label', { name: commune.departement.name, code: commune.departement.code })),
    departementHref: escapeHtml(commune.departement.href),
    region: escapeHtml(commune.region.name),
    regionHref: escapeHtml(commune.region.href),
    reach: escapeHtml(commune.reach),
    epci: commune.epci ? `<li><a href="${escapeHtml(commune.epci.href)}">${escapeHtml(t('commune.epci', { name: commune.epci.name }))}</a></li>` : '',
    areaHref: escapeHtml(commune.departement.area),
    aroundLead: `<p class="muted">${escapeHtml(commune.around.length > 0 ? t('commune.asTheCrowFlies', { name: commune.name }) : t('commune.noneAround', { km: 200 }))}</p>`,
    around: pieces(fragments, 'card', commune.around),
    poster: pieces(fragments, 'poster', commune.poster.cards, commune.poster.a4.count),
    posterMore: more(commune.poster.a4.more, 'a4') + more(commune.poster.a3.more, 'a3'),
    widget: pieces(fragments, 'widget', commune.widget),
  };
}

export function communePages(): AstroIntegration {
  return {
    name: 'commune-pages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const templates = join(root, TEMPLATE_DIR);
        const read = (path: string) => readFile(join(templates, path), 'utf8');
        const [directory, page, widget] = await Promise.all([getDirectory(), read('commune/index.html'), read('integrer/index.html')]);
        // The list the fragments' route made (placelessOf() keeps it for the build).
        const communes = placelessOf(directory, () => territoriesOf(directory));
        // The fragments come in parts (src/pages/modele/fragments/[part].astro), read one at a time.
        const fragments = new Fragments();
        for (const part of await readdir(join(templates, 'fragments'))) fragments.add(await read(join('fragments', part, 'index.html')));
        // The template's own address (canonical link, the current page in the menu) becomes each commune's.
        const fillPage = compile(page.replaceAll(`/${TEMPLATE_DIR}/commune/`, '⟦path⟧'));
        const fillWidget = compile(widget);
        const started = performance.now();
        // Written synchronously: for tens of thousands of small files, much faster than as many promises.
        let departement = '';
        for (const commune of communes) {
          // The communes come by département: the fragments compiled for one are seldom needed by the next.
          if (commune.departement.code !== departement) fragments.forget();
          departement = commune.departement.code;
          const path = communeUrl(commune);
          const values = { ...valuesOf(commune, fragments), path };
          for (const [dir, html] of [
            [join(root, path), fillPage(values)],
            [join(root, widgetUrl(commune)), fillWidget(values)],
          ]) {
            mkdirSync(dir!, { recursive: true });
            writeFileSync(join(dir!, 'index.html'), html!);
          }
        }
        await rm(templates, { recursive: true, force: true });
        logger.info(`${communes.length} communes without a known place: their page and widget (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
