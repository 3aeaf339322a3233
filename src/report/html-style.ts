// The HTML report's one stylesheet: a paper page on screen, A4 or Letter in print (whichever the
// printer uses: the layout fits the narrower of both), one incident per page break. Level colours
// differ in lightness too, so a greyscale print still tells them apart; every mark carries its word.
import type { Level } from '../core/vocab.js';

/** Fill and text colour of each level: dark to light from critical to low. */
export const LEVEL_COLOURS: Record<Level, { fill: string; ink: string }> = {
  critical: { fill: '#7a1010', ink: '#ffffff' },
  high: { fill: '#d9480f', ink: '#ffffff' },
  medium: { fill: '#e9a100', ink: '#1b1f24' },
  low: { fill: '#b7e1b0', ink: '#1b1f24' },
};

/** Heat-map ramp: one hue, lighter to darker with the count (readable in greyscale). */
export const HEAT_RAMP = ['#eef3f9', '#c9d8ea', '#93b1d4', '#5a82b3', '#2c5a8c', '#173a60'];

/** A CSS string literal for text from the message tables (quotes, backslashes, `<` escaped). */
export function cssString(s: string): string {
  return `"${s.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

const levelRules = (Object.entries(LEVEL_COLOURS) as [Level, { fill: string; ink: string }][])
  .map(([l, c]) => `.lv-${l}{background:${c.fill};color:${c.ink};border-color:${c.fill}}.f-${l}{fill:${c.fill}}.t-${l}{fill:${c.ink}}`)
  .join('');

const heatRules = HEAT_RAMP.map((c, i) => `.h${i}{fill:${c}}`).join('') + `.ht0,.ht1,.ht2{fill:#1b1f24}.ht3,.ht4,.ht5{fill:#fff}`;

const BASE = `:root{--ink:#1b1f24;--muted:#5b6470;--rule:#d5d9de;--soft:#f4f6f8;--accent:#1f3a5f}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#e9ecef;color:var(--ink);font:10.5pt/1.45 "Liberation Sans","Helvetica Neue",Helvetica,Arial,"DejaVu Sans",sans-serif}
main{max-width:200mm;margin:8mm auto;background:#fff;padding:14mm 15mm;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1,h2,h3{font-family:"Liberation Serif",Georgia,"Times New Roman","DejaVu Serif",serif;color:var(--accent);line-height:1.2}
h1{font-size:24pt;margin:0 0 3mm}
h2{font-size:16pt;margin:0 0 3mm;border-bottom:2px solid var(--accent);padding-bottom:1.5mm}
h3{font-size:12pt;margin:6mm 0 2mm}
p{margin:0 0 2mm}
a{color:var(--accent)}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:8pt;color:var(--muted);margin:0 0 1mm}
.lede{font-size:12pt;margin:0 0 5mm}
.note,.muted{color:var(--muted);font-size:8.5pt}
.cover{border-top:6px solid var(--accent);padding-top:6mm;margin-bottom:6mm}
.kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:3mm;margin:4mm 0 2mm}
.kpi{border:1px solid var(--rule);border-radius:2mm;padding:2.5mm 3mm;background:var(--soft)}
.kpi b{display:block;font-size:15pt;line-height:1.2;margin-top:1mm}
.kpi b.small-b{font-size:10.5pt}.kpi .lv{font-size:12pt;padding:.3mm 2mm;margin-top:1mm}
.kpi .label{font-size:8pt;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:6mm;margin:2mm 0}
figure{margin:0 0 4mm;break-inside:avoid}
figcaption{font-weight:700;font-size:9.5pt;margin-bottom:1.5mm}
svg{display:block;max-width:100%;height:auto}
svg.chart{width:100%}
svg text{font-family:"Liberation Sans","Helvetica Neue",Helvetica,Arial,"DejaVu Sans",sans-serif;fill:var(--ink)}
.legend{display:flex;flex-wrap:wrap;gap:2mm 5mm;align-items:center;font-size:8.5pt;margin:1mm 0 4mm;padding:2mm 3mm;border:1px solid var(--rule);border-radius:2mm}
.legend b{margin-right:1mm}
.lv{display:inline-block;border:1px solid;border-radius:1mm;padding:0 1.6mm;font-weight:700;font-size:8pt;text-transform:uppercase;letter-spacing:.04em;white-space:nowrap}
table{border-collapse:collapse;width:100%;font-size:9pt;margin:0 0 3mm}
thead{display:table-header-group}
th{text-align:left;font-weight:700;border-bottom:1.5px solid var(--ink);padding:1.2mm 1.5mm;vertical-align:bottom}
td{border-bottom:1px solid var(--rule);padding:1.2mm 1.5mm;vertical-align:top}
tr{break-inside:avoid}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
code,.code{font-family:"Liberation Mono","DejaVu Sans Mono",monospace;font-size:8pt;overflow-wrap:anywhere}
td small,.small{display:block;color:var(--muted);font-size:8pt;overflow-wrap:anywhere}
.u,.kpi small{overflow-wrap:anywhere}
.incident{break-before:page;margin-top:10mm}
.cover.single{margin-bottom:2mm}.cover.single+.incident{break-before:auto;margin-top:0}.cover.single+.incident header{border-top:0;padding-top:0}
.incident header{border-top:6px solid var(--accent);padding-top:4mm;margin-bottom:3mm}
.incident h2{border:0;padding:0;margin-bottom:2mm;overflow-wrap:anywhere}
.verdict{display:flex;gap:4mm;align-items:center;flex-wrap:wrap;margin:2mm 0}
.verdict .lv{font-size:11pt;padding:.5mm 3mm}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.8mm 4mm;margin:2mm 0 3mm;font-size:9.5pt}
.facts dt{font-weight:700;color:var(--muted)}
.facts dd{margin:0;overflow-wrap:anywhere}
ul{margin:0 0 3mm;padding-left:5mm}
li{margin-bottom:1mm}
.caveats li{list-style:none;margin-left:-5mm;padding:1.2mm 2.5mm;border-left:3px solid #e9a100;background:#fdf8ec;margin-bottom:1.5mm}
.timeline td.track{width:46%;padding-left:0;padding-right:0}
.timeline th.track{padding:0}
.timeline .track svg{width:100%;overflow:visible}
.timeline ul{list-style:none;padding-left:0;margin:1mm 0 0}
.tl-bar{fill:var(--accent)}
.tl-axis{stroke:#9aa3ad;stroke-width:1}
.tl-grid{stroke:#e3e6ea;stroke-width:1}
.tl-due{fill:var(--accent)}
.tl-open{fill:#fff;stroke:var(--accent);stroke-width:1.5}
.tl-now{fill:#7a1010}
.tl-ms{fill:#fff;stroke:#7a1010;stroke-width:1.5}
.tl-ms-t{font-size:8px;font-weight:700;fill:#7a1010}
.tl-tick{font-size:9px;fill:var(--muted)}
.sym{display:inline-block;vertical-align:-1px;margin-right:1mm}
.toc{columns:2;column-gap:8mm;font-size:9pt;padding-left:5mm}
.back{font-size:8.5pt;float:right}
footer.colophon{margin-top:8mm;border-top:1px solid var(--rule);padding-top:2mm}
${levelRules}${heatRules}
@media screen and (max-width:700px){main{padding:5mm;margin:0}.kpis,.charts{grid-template-columns:1fr 1fr}}
@media print{body{background:#fff;font-size:10pt}main{max-width:none;margin:0;padding:0;box-shadow:none}.back{display:none}a{color:inherit;text-decoration:none}.incident{margin-top:0}h2,h3,figcaption{break-after:avoid}}`;

/** The stylesheet, with the page footer in the report's language. */
export function stylesheet(footer: string): string {
  return `${BASE}\n@page{margin:15mm 14mm 17mm;@bottom-left{content:${cssString(footer)};font:8pt sans-serif;color:#5b6470}@bottom-right{content:counter(page) " / " counter(pages);font:8pt sans-serif;color:#5b6470}}`;
}
