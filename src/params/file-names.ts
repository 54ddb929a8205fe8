/**
 * The names of the rule library's special YAML files, and the tests for them.
 * Kept apart from their loaders (which import the YAML parser) so that finding
 * a library's files, and the CLI's cache, load nothing heavy.
 */

/** The library manifest (its fiscal-year horizon). */
export const MANIFEST_FILE = 'library.yaml';
/** The register of cited sources. */
export const SOURCES_FILE = 'sources.yaml';
/** Plain words for result identifiers. */
export const LABELS_FILE = 'labels.yaml';

function named(path: string, name: string): boolean {
  return path === name || path.endsWith(`/${name}`) || path.endsWith(`\\${name}`);
}

export function isManifestFile(path: string): boolean {
  return named(path, MANIFEST_FILE);
}

export function isSourcesFile(path: string): boolean {
  return named(path, SOURCES_FILE);
}

export function isLabelsFile(path: string): boolean {
  return named(path, LABELS_FILE);
}

export function isRuleFile(path: string): boolean {
  return path.endsWith('.lcff');
}

export function isParameterFile(path: string): boolean {
  return (path.endsWith('.yaml') || path.endsWith('.yml')) && !isManifestFile(path) && !isSourcesFile(path) && !isLabelsFile(path);
}
