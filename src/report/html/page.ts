/** The shell of every standalone page lcff writes (the run's report, a comparison, a projection): one file, its style inline, no scripts, every text escaped. */
import { esc } from './markup.js';
import { STYLE } from './style.js';

export interface PageParts {
  title: string;
  /** The program that wrote the page ("lcff-rules 0.1.0"). */
  generator: string;
  /** The rule library's hash, when the page states one law (a comparison states two, in its sections). */
  libraryHash?: string;
  /** The page's HTML between <body> and </body>. */
  body: string;
}

export function htmlPage(p: PageParts): string {
  const hash = p.libraryHash !== undefined ? `<meta name="lcff-library-hash" content="${esc(p.libraryHash)}">` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="generator" content="${esc(p.generator)}">${hash}<title>${esc(p.title)}</title><style>${STYLE}</style></head>
<body>
${p.body}
</body></html>
`;
}
