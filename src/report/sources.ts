/** Where a reader can follow the citations of a report: each distinct citation with its source's title and URL. */
import { visible } from '../core/safe-text.js';
import { resolveCitation, splitCitations, STATUTE_CODES } from '../params/citations.js';
import type { SourceRegister } from '../params/sources.js';

/** The distinct citations of cite texts (each may hold several, `;`-separated), in first-seen order. */
export function distinctCitations(texts: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const t of texts) for (const p of splitCitations(t)) if (p.text) seen.add(p.text);
  return [...seen];
}

/**
 * One line per source, the citations of the same page together:
 * `  EC 2574(c)(4)(A), EC 2574(c)(4)(B): California Education Code section 2574 <url>`,
 * `  FAQ Q1, FAQ Q7: Local Control Funding Formula for County Programs ... <url>`.
 */
export function sourceLines(texts: Iterable<string>, register: SourceRegister | undefined): string[] {
  const bySource = new Map<string, { cites: string[]; title: string; url: string }>();
  const unresolved: string[] = [];
  for (const c of distinctCitations(texts)) {
    const r = resolveCitation(c, register);
    if (!r.ok) {
      unresolved.push(`  ${visible(c)}: (no source found: ${r.message})`);
      continue;
    }
    const k = r.citation;
    const title = k.kind === 'statute' ? `${STATUTE_CODES[k.code].name} section ${k.section}` : k.kind === 'source' ? k.entry.title : k.title;
    const g = bySource.get(k.url) ?? { cites: [], title, url: k.url };
    g.cites.push(c);
    bySource.set(k.url, g);
  }
  return [...[...bySource.values()].map((g) => `  ${visible(g.cites.join(', '))}: ${visible(g.title)} <${visible(g.url)}>`), ...unresolved];
}
