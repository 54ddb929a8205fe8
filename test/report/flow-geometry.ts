/**
 * Overlap checks of the funding-flow picture, run inside the page: every box,
 * arrow label and line segment measured in page pixels. Returns one line per
 * collision; an empty list means no label crosses a line or a box.
 */
export interface FlowShapes {
  boxes: number;
  labels: number;
  segments: number;
  collisions: string[];
}

/** Passed to page.evaluate: self-contained, no closures. */
export function measureFlow(selector: string): FlowShapes {
  type R = { x1: number; y1: number; x2: number; y2: number; name: string };
  type S = { ax: number; ay: number; bx: number; by: number; edge: string };
  const svg = document.querySelector(selector) as SVGSVGElement | null;
  if (!svg) return { boxes: 0, labels: 0, segments: 0, collisions: [`no element ${selector}`] };
  const rectOf = (el: Element, name: string): R => {
    const b = el.getBoundingClientRect();
    return { x1: b.left, y1: b.top, x2: b.right, y2: b.bottom, name };
  };
  const boxes = [...svg.querySelectorAll('g.node')].map((g) => rectOf(g.querySelector('rect')!, `box ${g.getAttribute('data-node')}`));
  const labels = [...svg.querySelectorAll('g.edge-label')].map((g) => ({ ...rectOf(g.querySelector('text')!, `label ${g.getAttribute('data-edge')} "${g.textContent}"`), edge: g.getAttribute('data-edge')! }));
  const segments: S[] = [];
  for (const g of svg.querySelectorAll('g.edge')) {
    const line = g.querySelector('polyline') as SVGPolylineElement;
    const m = line.getScreenCTM()!;
    const pts = [...line.points].map((p) => new DOMPoint(p.x, p.y).matrixTransform(m));
    for (let i = 1; i < pts.length; i++) segments.push({ ax: pts[i - 1].x, ay: pts[i - 1].y, bx: pts[i].x, by: pts[i].y, edge: g.getAttribute('data-edge')! });
  }
  const overlap = (a: R, b: R): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  // Liang–Barsky: does the segment pass through the rectangle's interior (shrunk by `inset` px)?
  const crosses = (s: S, r: R, inset: number): boolean => {
    const x1 = r.x1 + inset, x2 = r.x2 - inset, y1 = r.y1 + inset, y2 = r.y2 - inset;
    let t0 = 0, t1 = 1;
    const dx = s.bx - s.ax, dy = s.by - s.ay;
    for (const [p, q] of [[-dx, s.ax - x1], [dx, x2 - s.ax], [-dy, s.ay - y1], [dy, y2 - s.ay]]) {
      if (p === 0) { if (q < 0) return false; continue; }
      const t = q / p;
      if (p < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
    }
    return t0 < t1;
  };
  const collisions: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (const b of boxes) if (overlap(labels[i], b)) collisions.push(`${labels[i].name} overlaps ${b.name}`);
    for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i], labels[j])) collisions.push(`${labels[i].name} overlaps ${labels[j].name}`);
    for (const s of segments) if (crosses(s, labels[i], 0)) collisions.push(`${labels[i].name} is crossed by a line of ${s.edge}${s.edge === labels[i].edge ? ' (its own)' : ''}`);
  }
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i], boxes[j])) collisions.push(`${boxes[i].name} overlaps ${boxes[j].name}`);
  // a line may touch the two boxes it joins at their sides, never pass through a box
  for (const s of segments) for (const b of boxes) if (crosses(s, b, 1)) collisions.push(`a line of ${s.edge} crosses ${b.name}`);
  return { boxes: boxes.length, labels: labels.length, segments: segments.length, collisions };
}
