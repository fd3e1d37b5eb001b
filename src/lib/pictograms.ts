/**
 * A pictogram for each need (the service ids of data/services.yaml) and each kind of place,
 * for the easy-to-read mode: FALC puts a picture beside each idea (Inclusion Europe, « L'information
 * pour tous »). Drawn for this site: simple outlines on a 24 × 24 grid, in the text's colour
 * (`currentColor`), so they follow the theme and high-contrast modes. Only path, circle, rect,
 * line and polyline elements, no text, no link, no external image: a test checks it.
 *
 * A pictogram is decoration beside words that already say the thing: render it with
 * `aria-hidden="true"` (as `pictogramSvg` does), never as the only label.
 */

/** Outline style shared by every shape. */
const LINE = 'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';
/** A small solid dot (the point of a question mark). */
const DOT = 'fill="currentColor"';

export const PICTOGRAMS: Record<string, string> = {
  // Procedures: a form with a folded corner and lines of writing.
  'aide-demarches': `<path d="M6 2h8l4 4v16H6z" ${LINE}/><path d="M14 2v4h4" ${LINE}/><line x1="9" y1="11" x2="15" y2="11" ${LINE}/><line x1="9" y1="15" x2="15" y2="15" ${LINE}/><line x1="9" y1="19" x2="12" y2="19" ${LINE}/>`,
  // Everyday use: a computer screen and a phone side by side.
  'usage-quotidien': `<rect x="2" y="4" width="12" height="9" rx="1" ${LINE}/><line x1="8" y1="13" x2="8" y2="17" ${LINE}/><line x1="5" y1="17" x2="11" y2="17" ${LINE}/><rect x="16" y="8" width="6" height="12" rx="1" ${LINE}/><line x1="18.5" y1="17" x2="19.5" y2="17" ${LINE}/>`,
  // A job: a briefcase.
  emploi: `<rect x="3" y="7" width="18" height="13" rx="2" ${LINE}/><path d="M9 7V5a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v2" ${LINE}/><line x1="3" y1="13" x2="21" y2="13" ${LINE}/>`,
  // Safety: a shield with a tick.
  securite: `<path d="M12 2l8 3v6c0 5-3.5 9-8 11c-4.5-2-8-6-8-11V5z" ${LINE}/><polyline points="8.5 12 11 14.5 15.5 9.5" ${LINE}/>`,
  // Parents: a grown-up beside a child.
  parentalite: `<circle cx="8" cy="5" r="2.5" ${LINE}/><path d="M4 22v-7a4 4 0 0 1 8 0v7" ${LINE}/><circle cx="17.5" cy="11" r="2" ${LINE}/><path d="M14.5 22v-4a3 3 0 0 1 6 0v4" ${LINE}/>`,
  // Leisure and creation: a camera.
  loisirs: `<path d="M3 8h4l2-3h6l2 3h4v12H3z" ${LINE}/><circle cx="12" cy="13.5" r="3.5" ${LINE}/>`,
  // Understanding the digital world: a globe.
  'comprendre-numerique': `<circle cx="12" cy="12" r="9" ${LINE}/><line x1="3" y1="12" x2="21" y2="12" ${LINE}/><path d="M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9s1.3-6.5 3.8-9z" ${LINE}/>`,
  // A computer to use on the spot: a desktop screen on its stand.
  'acces-internet-materiel': `<rect x="2" y="3" width="20" height="13" rx="1.5" ${LINE}/><line x1="12" y1="16" x2="12" y2="20" ${LINE}/><line x1="8" y1="21" x2="16" y2="21" ${LINE}/>`,
  // Equipment at a small price: a price tag.
  'materiel-prix-solidaire': `<path d="M3 12V4a1 1 0 0 1 1-1h8l9 9l-9 9z" ${LINE}/><circle cx="7.5" cy="7.5" r="1.5" ${LINE}/>`,
  // Top-ups: a phone with a plus.
  'recharges-solidaires': `<rect x="6" y="2" width="12" height="20" rx="2" ${LINE}/><line x1="12" y1="8" x2="12" y2="16" ${LINE}/><line x1="8" y1="12" x2="16" y2="12" ${LINE}/>`,
  // Workshops: a group of three people.
  'ateliers-initiation': `<circle cx="12" cy="7" r="3" ${LINE}/><path d="M7 21v-2a5 5 0 0 1 10 0v2" ${LINE}/><circle cx="4.5" cy="9.5" r="2" ${LINE}/><path d="M1.5 19v-1a3 3 0 0 1 4-2.8" ${LINE}/><circle cx="19.5" cy="9.5" r="2" ${LINE}/><path d="M22.5 19v-1a3 3 0 0 0-4-2.8" ${LINE}/>`,
  // A question answered without an appointment: a speech bubble with a question mark.
  'permanences-connectees': `<path d="M4 3h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1h-9l-5 4v-4H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z" ${LINE}/><path d="M9.5 7.5a2.5 2.5 0 1 1 3.5 2.3c-0.6 0.3-1 0.8-1 1.5" ${LINE}/><circle cx="12" cy="13.5" r="1" ${DOT}/>`,
  // Training for a job: a graduation cap.
  'parcours-emploi': `<path d="M2 9l10-5l10 5l-10 5z" ${LINE}/><path d="M6 11v5c0 1.5 2.7 3 6 3s6-1.5 6-3v-5" ${LINE}/><line x1="22" y1="9" x2="22" y2="15" ${LINE}/>`,
  // A computer lent: a laptop, and an arrow that goes and comes back.
  'pret-ordinateur': `<rect x="5" y="3" width="14" height="9" rx="1" ${LINE}/><path d="M3 15h18" ${LINE}/><line x1="6" y1="20" x2="18" y2="20" ${LINE}/><polyline points="9 17.5 6 20 9 22.5" ${LINE}/><polyline points="15 17.5 18 20 15 22.5" ${LINE}/>`,

  // Kinds of place. A solidarity space of Emmaüs Connect: a house.
  'solidarity-space': `<path d="M3 11l9-8l9 8" ${LINE}/><path d="M5 9.5V21h14V9.5" ${LINE}/><rect x="10" y="14" width="4" height="7" ${LINE}/>`,
  // A relay: a point linked to others.
  relay: `<circle cx="12" cy="12" r="2.5" ${LINE}/><circle cx="4.5" cy="5" r="2" ${LINE}/><circle cx="19.5" cy="5" r="2" ${LINE}/><circle cx="12" cy="21" r="2" ${LINE}/><line x1="10.2" y1="10.3" x2="6" y2="6.4" ${LINE}/><line x1="13.8" y1="10.3" x2="18" y2="6.4" ${LINE}/><line x1="12" y1="14.5" x2="12" y2="19" ${LINE}/>`,
  // Any other help point: a map pin.
  other: `<path d="M12 22s7-6.5 7-12a7 7 0 0 0-14 0c0 5.5 7 12 7 12z" ${LINE}/><circle cx="12" cy="10" r="2.5" ${LINE}/>`,
};

/** The pictogram as a whole SVG element, hidden from screen readers; null for an id without one. */
export function pictogramSvg(id: string): string | null {
  const inner = Object.hasOwn(PICTOGRAMS, id) ? PICTOGRAMS[id] : undefined;
  return inner === undefined ? null : `<svg class="pictogram" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">${inner}</svg>`;
}
