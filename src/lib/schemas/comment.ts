/** The first line of a data file: it ties the file to its JSON Schema for editors (yaml-language-server). */
export function schemaComment(name: string, depthUnderData: number): string {
  return `# yaml-language-server: $schema=${'../'.repeat(depthUnderData)}schemas/${name}`;
}

const FOLDERS: Record<string, string> = { places: 'place.schema.json', municipalities: 'municipality.schema.json' };
const FILES: Record<string, string> = { 'services.yaml': 'services.schema.json', 'charter.yaml': 'charter.schema.json', 'labels.yaml': 'labels.schema.json' };

/**
 * The comment for a data file at this path in the project ("data/places/imported/59/x.yaml"),
 * found from the data folder it sits in (the folder that holds places/ or municipalities/);
 * null for a file without a schema.
 */
export function schemaCommentFor(path: string): string | null {
  const parts = path.split('/');
  const folder = parts.findIndex((part) => part in FOLDERS);
  if (folder >= 0) return schemaComment(FOLDERS[parts[folder]!]!, parts.length - 1 - folder);
  const name = FILES[parts.at(-1)!];
  return name ? schemaComment(name, 0) : null;
}
