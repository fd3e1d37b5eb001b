/** Settings of a deployment, read at build time. Nothing here is secret. */

/**
 * Where corrections go. There is no server: a correction is an e-mail, or an edit of the
 * place's YAML file on the code forge. Set them at build time; when unset, the page says how
 * to correct the file without a link.
 */
export const CORRECTIONS = {
  email: import.meta.env.PUBLIC_REPORT_EMAIL || null,
  /** Base URL to edit a file, e.g. https://forge.example.org/org/repo/edit/main/ */
  editBaseUrl: import.meta.env.PUBLIC_EDIT_BASE_URL || null,
} as const;
