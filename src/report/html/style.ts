/** The report's CSS: one self-contained stylesheet, with print rules so "Print to PDF" gives clean pages readable without colour. */
export const STYLE = `
:root{--ink:#1d232b;--muted:#5a6572;--line:#c9d1da;--warn:#8a4b00;--warnbg:#fff6e5;--user:#1f4e8c;--userbg:#eef4fc;--money:#1b6e20;--ada:#2c5d9e;--projbg:#f1ecfa}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 auto;padding:1.5em 2em;max-width:1400px;color:var(--ink)}
h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.2em;margin:0 0 .4em}
section{margin:2em 0}
p.about{color:var(--muted);margin:.2em 0 .8em;max-width:75em}
dl.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(15em,1fr));gap:.5em 1.5em;margin:.5em 0 1em}
dl.meta dt{font-size:.85em}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:.3em 1.5em}dl.prov div{display:contents}
dt{color:var(--muted)}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
ul.reliance{margin:.4em 0 .6em;font-size:1.05em}
dl.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(14em,1fr));gap:1em;margin:0}
dl.tiles div{border:1px solid var(--line);border-radius:6px;padding:.7em 1em}dl.tiles dt{white-space:normal}dl.tiles dd{font-size:1.35em;font-variant-numeric:tabular-nums}
.banner{border:2px solid;border-left-width:8px;border-radius:6px;padding:.8em 1.2em;margin:1em 0}
.banner.warn{border-color:var(--warn);background:var(--warnbg)}.banner.warn h2::before{content:"\\26A0  "}
.banner.user{border-color:var(--user);background:var(--userbg)}
.banner table{background:#fff}
div.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.5em 0;width:auto}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
thead th{background:#eef1f4}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.projected{background:var(--projbg);font-style:italic}.legend .mark{font-weight:700}
tfoot tr.total th,tfoot tr.total td{font-weight:700;border-top:2px solid var(--ink);background:#f7f8fa}
table.unconfirmed td:first-child{min-width:18em}
ul{margin:0;padding-left:1.1em}
code,.id{font:12px ui-monospace,Menlo,Consolas,monospace;color:var(--muted)}
.cite{color:var(--muted);font-size:.9em}
details{margin:.4em 0}summary{cursor:pointer;padding:.3em 0}
details.finding{border:1px solid var(--line);border-radius:6px;padding:.2em .8em}
.badge{display:inline-block;border:1px solid;border-radius:4px;padding:0 .4em;font-size:.85em;font-weight:700}
.badge.error{color:#a00018}.badge.warning{color:var(--warn)}.badge.info{color:var(--muted)}
.placeholder{border:2px dashed var(--line);border-radius:6px;min-height:3em}
svg.flow{max-width:100%;height:auto;font:13px system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
svg.flow rect{fill:#f7f9fc;stroke:#56677a;stroke-width:1.2}svg.flow .coe rect{fill:#eef6ee}svg.flow .charter rect{fill:#fdf6e8}
svg.flow .title{font-weight:700;font-size:13px}svg.flow .small,svg.flow .edge-label text{font-size:12px}
svg.flow polyline{fill:none;stroke-width:2}
svg.flow .money polyline{stroke:var(--money);stroke-width:3}svg.flow .ada polyline{stroke:var(--ada);stroke-dasharray:6 4}
svg.flow marker path.money{fill:var(--money)}svg.flow marker path.ada{fill:var(--ada)}
svg.flow .edge-label.money text{fill:var(--money);font-weight:700}svg.flow .edge-label.ada text{fill:var(--ada)}
@media print{
  @page{size:letter;margin:.55in .5in}
  @page landscape{size:letter landscape;margin:.5in}
  #flow{page:landscape}
  body{font-size:10pt;padding:0;max-width:none;color:#000}
  main>section{break-before:page}
  main>section:first-child{break-before:auto}
  h2{break-after:avoid}
  tr,dl.tiles div,details.finding summary{break-inside:avoid}
  thead{display:table-header-group}tfoot{display:table-row-group}
  div.scroll{overflow:visible}
  table{font-size:8.5pt;width:100%}
  td,th{overflow-wrap:anywhere}td.n,th.n{overflow-wrap:normal}
  table.unconfirmed td:first-child{min-width:0;width:34%}
  dl.meta{grid-template-columns:repeat(3,1fr)}
  .banner{background:none!important;break-inside:auto}
  td.projected{background:none}
  .banner.warn{border-style:double;border-width:4px 4px 4px 10px}
  thead th,tfoot tr.total th,tfoot tr.total td{background:none}
  details::details-content{content-visibility:visible;display:block}
  summary{list-style:none}summary::-webkit-details-marker{display:none}
  svg.flow{break-inside:avoid;max-height:8.5in}
  svg.flow rect{fill:#fff}
}
`;
