/** The options of the `npm run bench` summary: `--rows 100000,1000000 --seed 7 --repeat 3 --sample 2000 --only throughput,startup,lsp --json <file>`. */
export const SECTIONS = ['throughput', 'startup', 'lsp'] as const;
export type Section = (typeof SECTIONS)[number];

export interface SummaryOptions {
  rows: number[];
  seed: number;
  repeat: number;
  /** students json-rules-engine decides */
  sample: number;
  sections: Section[];
  json?: string;
}

export const DEFAULTS: SummaryOptions = { rows: [100_000, 1_000_000], seed: 7, repeat: 3, sample: 2_000, sections: [...SECTIONS] };
export const USAGE = 'usage: npm run bench [-- --rows 100000,1000000] [--seed 7] [--repeat 3] [--sample 2000] [--only throughput,startup,lsp] [--json <file>]';

const whole = (name: string, text: string | undefined, min: number): number => {
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) throw new Error(`${name} takes a whole number ≥ ${min}, not ${JSON.stringify(text ?? '')}`);
  return Number(text);
};

/** Parses the summary's arguments; throws an Error naming the bad one (the caller prints it with USAGE and exits 2). */
export function parseSummaryArgs(argv: readonly string[]): SummaryOptions {
  const o: SummaryOptions = { ...DEFAULTS, rows: [...DEFAULTS.rows], sections: [...DEFAULTS.sections] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--rows':
        o.rows = (value ?? '').split(',').map((r) => whole('--rows', r, 1));
        break;
      case '--seed':
        o.seed = whole('--seed', value, 0);
        break;
      case '--repeat':
        o.repeat = whole('--repeat', value, 1);
        break;
      case '--sample':
        o.sample = whole('--sample', value, 1);
        break;
      case '--only': {
        const names = (value ?? '').split(',');
        const bad = names.find((n) => !(SECTIONS as readonly string[]).includes(n));
        if (bad !== undefined) throw new Error(`--only takes ${SECTIONS.join(', ')} (comma-separated), not ${JSON.stringify(bad)}`);
        o.sections = SECTIONS.filter((s) => names.includes(s));
        break;
      }
      case '--json':
        if (value === undefined || value === '' || value.startsWith('--')) throw new Error('--json takes a file name');
        o.json = value;
        break;
      default:
        throw new Error(`unknown argument ${JSON.stringify(flag)}`);
    }
    i++;
  }
  return o;
}
