/**
 * The funding-flow picture of the HTML report, laid out by dagre (left to
 * right): districts of residence and county program charters, the COE, and
 * arrows for ADA credited and money transferred (EC 2576). Each arrow's
 * label sits in a slot dagre reserves for it, above a horizontal run of its
 * own line, so no label crosses a line or a box; the lines bend only in the
 * gaps between columns, and the boxes of a column share one width.
 */
import dagre from '@dagrejs/dagre';
import { dec, grouped, sum, ZERO } from '../runtime/money.js';
import type { RunResult } from '../run/result.js';
import { esc, pctText } from './html/markup.js';
import type { Words } from './html/words.js';

const FONT = 13;
const SMALL = 12;
/** A generous average glyph width (em) for the system sans-serif fonts: boxes are sized before any browser measures them. */
const EM = 0.62;
const PAD = 10;
const LINE_GAP = 6;

const textWidth = (text: string, px: number): number => Math.ceil(text.length * px * EM);

interface Box {
  id: string;
  cls: string;
  title: string;
  lines: string[];
}

interface Arrow {
  from: string;
  to: string;
  label: string;
  cls: 'money' | 'ada';
}

function boxesAndArrows(r: RunResult, words: Words): { boxes: Box[]; arrows: Arrow[] } {
  const boxes: Box[] = [];
  const arrows: Arrow[] = [];
  const coe = r.leas.find((l) => l.kind === 'coe');
  if (!coe) return { boxes, arrows };
  const ada = (v: string): string => grouped(dec(v), 2);
  boxes.push({ id: coe.cds, cls: 'coe', title: coe.name, lines: [words.label('lea_kind', 'coe'), `${words.column('ada_after')}: ${ada(coe.ada.after)}`, ...(r.aeg.known ? [words.section('aeg'), `$${grouped(dec(r.aeg.total), 2)}`] : [])] });
  for (const d of r.leas.filter((l) => l.kind === 'district')) {
    boxes.push({ id: d.cds, cls: 'district', title: d.name, lines: [words.label('lea_kind', 'district'), `UPP ${pctText(d.upp.rolling_after)}`] });
    const credited = dec(d.ada.after).minus(dec(d.ada.before));
    if (credited.greaterThan(0)) arrows.push({ from: coe.cds, to: d.cds, label: `${ada(credited.toString())} ${words.label('flow', 'ada_credited')}`, cls: 'ada' });
    const paid = sum(r.transfers.filter((t) => t.from === d.cds && t.to === coe.cds).map((t) => dec(t.amount)));
    if (paid.greaterThan(ZERO)) arrows.push({ from: d.cds, to: coe.cds, label: `$${grouped(paid, 2)} ${words.label('flow', 'money')}`, cls: 'money' });
  }
  for (const c of r.leas.filter((l) => l.kind === 'charter')) {
    boxes.push({ id: c.cds, cls: 'charter', title: c.name, lines: [words.label('lea_kind', 'charter'), `${words.column('ada_after')}: ${ada(c.ada.after)}`] });
    const toCoe = dec(c.ada.before).minus(dec(c.ada.after));
    if (toCoe.greaterThan(0)) arrows.push({ from: c.cds, to: coe.cds, label: `${ada(toCoe.toString())} ${words.label('flow', 'ada_to_coe')}`, cls: 'ada' });
  }
  return { boxes, arrows };
}

const labelBox = (label: string): { w: number; h: number } => ({ w: textWidth(label, SMALL) + 2 * PAD, h: 2 * (SMALL + LINE_GAP) + 2 * LINE_GAP });

export function flowSvg(r: RunResult, words: Words): string {
  const { boxes, arrows } = boxesAndArrows(r, words);
  if (boxes.length === 0) return '';
  const boxW = Math.max(...boxes.flatMap((b) => [textWidth(b.title, FONT), ...b.lines.map((l) => textWidth(l, SMALL))])) + 2 * PAD;
  const boxH = PAD * 2 + FONT + Math.max(...boxes.map((b) => b.lines.length)) * (SMALL + LINE_GAP);
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 20, ranksep: 110, edgesep: 20, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const b of boxes) g.setNode(b.id, { width: boxW, height: boxH });
  arrows.forEach((a, i) => {
    const { w, h } = labelBox(a.label);
    g.setEdge(a.from, a.to, { width: w, height: h, labelpos: 'c' }, `e${i}`);
  });
  dagre.layout(g);
  const graph = g.graph();
  // labels of one rank share their x: a column whose whole width each line crosses straight, under its label
  const columnW = new Map<number, number>();
  arrows.forEach((a, i) => {
    const x = Math.round(g.edge({ v: a.from, w: a.to, name: `e${i}` }).x ?? 0);
    columnW.set(x, Math.max(columnW.get(x) ?? 0, labelBox(a.label).w));
  });
  const routes = arrows.map((a, i) => {
    const e = g.edge({ v: a.from, w: a.to, name: `e${i}` });
    const lx = e.x ?? 0;
    const ly = e.y ?? 0;
    const lineY = ly + labelBox(a.label).h / 2 - LINE_GAP;
    const fromLeft = (g.node(a.from).x ?? 0) <= (g.node(a.to).x ?? 0);
    return { a, i, lx, ly, lineY, w: columnW.get(Math.round(lx)) ?? 0, left: fromLeft ? a.from : a.to, right: fromLeft ? a.to : a.from, fromLeft };
  });
  // where lines meet a box side: spread evenly down the side, in the order of their heights, so they never share a point
  const ends = new Map<string, number>();
  for (const [side, key] of [[1, 'left'], [-1, 'right']] as const) {
    const bySide = new Map<string, typeof routes>();
    for (const rt of routes) bySide.set(rt[key], [...(bySide.get(rt[key]) ?? []), rt]);
    for (const [id, rts] of bySide) {
      const n = g.node(id);
      rts.sort((p, q) => p.lineY - q.lineY);
      rts.forEach((rt, k) => ends.set(`${rt.i}:${side}`, (n.y ?? 0) - boxH / 2 + ((k + 1) * boxH) / (rts.length + 1)));
    }
  }
  const parts: string[] = [];
  for (const rt of routes) {
    const ln = g.node(rt.left);
    const rn = g.node(rt.right);
    const route = [
      { x: (ln.x ?? 0) + boxW / 2, y: ends.get(`${rt.i}:1`)! },
      { x: rt.lx - rt.w / 2, y: rt.lineY },
      { x: rt.lx + rt.w / 2, y: rt.lineY },
      { x: (rn.x ?? 0) - boxW / 2, y: ends.get(`${rt.i}:-1`)! },
    ];
    const ordered = rt.fromLeft ? route : route.reverse();
    const points = ordered.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    parts.push(
      `<g class="edge ${rt.a.cls}" data-edge="e${rt.i}"><polyline points="${points}" marker-end="url(#head-${rt.a.cls})"/></g>`,
      `<g class="edge-label ${rt.a.cls}" data-edge="e${rt.i}"><text x="${rt.lx.toFixed(1)}" y="${(rt.lineY - LINE_GAP - 3).toFixed(1)}" text-anchor="middle">${esc(rt.a.label)}</text></g>`,
    );
  }
  for (const b of boxes) {
    const n = g.node(b.id);
    const x = (n.x ?? 0) - boxW / 2;
    const y = (n.y ?? 0) - boxH / 2;
    const lines = b.lines.map((l, i) => `<text x="${(x + PAD).toFixed(1)}" y="${(y + PAD + FONT + (i + 1) * (SMALL + LINE_GAP)).toFixed(1)}" class="small">${esc(l)}</text>`).join('');
    parts.push(`<g class="node ${b.cls}" data-node="${esc(b.id)}"><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${boxW}" height="${boxH}" rx="6"/><text x="${(x + PAD).toFixed(1)}" y="${(y + PAD + FONT).toFixed(1)}" class="title">${esc(b.title)}</text>${lines}</g>`);
  }
  const width = Math.ceil(graph.width ?? 0);
  const height = Math.ceil(graph.height ?? 0);
  const marker = (cls: string): string => `<marker id="head-${cls}" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" refX="9" refY="5" orient="auto"><path d="M0,0 L10,5 L0,10 z" class="${cls}"/></marker>`;
  return `<svg class="flow" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(words.section('flow'))}">
<defs>${marker('money')}${marker('ada')}</defs>
${parts.join('\n')}
</svg>`;
}
