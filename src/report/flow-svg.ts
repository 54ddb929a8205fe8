/**
 * The funding-flow picture of the HTML report: districts of residence on the
 * left, the COE on the right, county program charters below it; arrows for
 * ADA credited and for the money transferred (EC 2576).
 */
import escape from 'escape-html';
import { dec, fixed, grouped, ZERO } from '../runtime/money.js';
import type { RunResult } from '../run/result.js';

const BOX_W = 280;
const BOX_H = 56;
const GAP = 22;
const LEFT_X = 20;
const RIGHT_X = 640;

function box(x: number, y: number, title: string, lines: string[], cls: string): string {
  const text = lines.map((l, i) => `<text x="${x + 10}" y="${y + 36 + i * 14}" class="small">${escape(l)}</text>`).join('');
  return `<g class="${cls}"><rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="6"/><text x="${x + 10}" y="${y + 20}" class="title">${escape(title)}</text>${text}</g>`;
}

/** An arrow with its label placed `at` (0..1) along it, so the two arrows between a pair of boxes keep their labels apart. */
function arrow(x1: number, y1: number, x2: number, y2: number, label: string, cls: string, at = 0.5): string {
  const mx = x1 + (x2 - x1) * at;
  const my = y1 + (y2 - y1) * at;
  return `<g class="${cls}"><line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" marker-end="url(#head)"/><text x="${mx}" y="${my - 6}" text-anchor="middle" class="small">${escape(label)}</text></g>`;
}

export function flowSvg(r: RunResult): string {
  const districts = r.leas.filter((l) => l.kind === 'district');
  const charters = r.leas.filter((l) => l.kind === 'charter');
  const coe = r.leas.find((l) => l.kind === 'coe')!;
  const rows = Math.max(districts.length, 1 + charters.length);
  const height = rows * (BOX_H + GAP) + GAP;
  const parts: string[] = [];
  const coeY = GAP;
  parts.push(box(RIGHT_X, coeY, coe.name, [`ADA ${coe.ada.before} → ${coe.ada.after}; AEG ${r.aeg.known ? grouped(dec(r.aeg.total), 2) : 'not computed'}`], 'coe'));
  districts.forEach((d, i) => {
    const y = GAP + i * (BOX_H + GAP);
    parts.push(box(LEFT_X, y, d.name, [`District Funded ADA ${d.ada.after}; UPP ${d.upp.rolling_after}`], 'district'));
    const paid = r.transfers.filter((t) => t.from === d.cds).reduce((a, t) => a.plus(dec(t.amount)), ZERO);
    const y1 = y + BOX_H / 2;
    const y2 = coeY + BOX_H / 2;
    if (dec(d.ada.after).greaterThan(0)) parts.push(arrow(RIGHT_X, y2 + 8, LEFT_X + BOX_W, y1 + 8, `${d.ada.after} ADA credited`, 'ada', 0.7));
    if (paid.greaterThan(0)) parts.push(arrow(LEFT_X + BOX_W, y1 - 8, RIGHT_X, y2 - 8, `$${grouped(paid, 2)} transferred`, 'money', 0.3));
  });
  charters.forEach((c, i) => {
    const y = GAP + (i + 1) * (BOX_H + GAP);
    parts.push(box(RIGHT_X, y, c.name, [`ADA ${c.ada.before} reported; ${c.ada.after} stays`], 'charter'));
    const toCoe = dec(c.ada.before).minus(dec(c.ada.after));
    if (toCoe.greaterThan(0)) parts.push(arrow(RIGHT_X + BOX_W / 2 + 20, y, RIGHT_X + BOX_W / 2 + 20, coeY + BOX_H, `${fixed(toCoe, 2)} ADA to the COE`, 'ada'));
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${RIGHT_X + BOX_W + 20} ${height}" role="img" aria-label="Funding flow between the districts, the COE and the charters">
<defs><marker id="head" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" refX="9" refY="5" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>
${parts.join('\n')}
</svg>`;
}
