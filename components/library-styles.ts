import { USER_COLOURS } from '../lib/highlight/paint';
import { ANNOTATION_COLOURS } from '../lib/types';

/** Styles of the full-page library: list, notice detail and compare view. */
export function libraryCss(): string {
  const col = ANNOTATION_COLOURS.map((c) => `.col-${c}{--u:${USER_COLOURS[c]}}`).join('\n');
  return `
@media (prefers-color-scheme:dark){.dtitle{color:#e6edf3!important}table.meta th{color:#9da7b3!important}a{color:#58a6ff}.clause{background:color-mix(in srgb,var(--c) 22%,#0d1117)!important}.clause .tag{color:#e6edf3!important}.clause .dl{color:#fdba74!important}.ann{background:#161b22!important}td.self{background:#161b22!important}}
.library{max-width:1280px;margin:0 auto}
.bar .home{color:#fff;text-decoration:none}
.importer{border:1px solid rgba(255,255,255,.55);border-radius:6px;padding:2px 8px;cursor:pointer}
.importer input{display:none}
.actions{display:flex;flex-wrap:wrap;align-items:center;gap:6px;padding:8px 12px}
.exports{display:inline-flex;gap:4px;align-items:center;margin-left:auto}
.listview .filters .row{grid-template-columns:repeat(4,1fr)}
.detail{padding:0 16px 24px}
.dtitle{font-size:20px;color:#1f2328;margin:8px 0}
.src{font-size:12px;word-break:break-all}
table.meta{border-collapse:collapse;margin:8px 0}
table.meta th{text-align:left;color:#57606a;font-weight:normal;padding:2px 12px 2px 0;white-space:nowrap;vertical-align:top}
.cols{display:grid;grid-template-columns:1fr 2fr;gap:16px}
h3{font-size:14px;margin:16px 0 6px}
h4{font-size:13px;margin:10px 0 4px}
ol.outline{list-style:none;padding:0;margin:0;max-height:70vh;overflow:auto}
.clause{border-left:4px solid var(--c);background:var(--c-soft);padding:4px 8px;margin:3px 0;border-radius:4px}
.clause .tag{font-size:11px;font-weight:600;color:var(--c-ink);margin-right:6px}
.clause .dl{color:#9a3412;font-size:12px}
.ann{border-left:4px solid var(--u);background:#fafbfc;padding:4px 8px;margin:4px 0;border-radius:4px}
.ann .note{white-space:pre-wrap}
.compare{padding:0 16px 24px}
table.grid{border-collapse:collapse;width:100%;font-size:12px}
table.grid th,table.grid td{border:1px solid #d0d7de;padding:4px 6px;vertical-align:top;text-align:left}
table.matrix td.cell{text-align:center}
table.matrix .link{background:none;border:none;color:inherit;cursor:pointer;font:inherit}
td.self{background:#f6f8fa;text-align:center}
.reusebars{margin-top:8px}
.reusebar{display:flex;align-items:center;gap:6px;margin:3px 0}
.reusebar .lbl{width:18px;text-align:right;color:#57606a}
.reusebar .track{position:relative;flex:1;height:12px;background:#eef1f4;border-radius:3px;overflow:hidden}
.reusebar .seg{position:absolute;top:0;bottom:0;background:#b22222}
.legend{display:flex;gap:10px;margin-bottom:6px}
.legend .k{padding:0 8px;border-radius:4px}
.k.same,.row.same>div{background:#dafbe1}
.k.reworded,.row.reworded>div{background:#fff8c5}
.k.own,.row.own>div{background:#f6f8fa}
.side .row{display:grid;grid-template-columns:1fr 1fr;gap:8px;margin:2px 0}
.side .row>div{padding:4px 8px;border-radius:4px;white-space:pre-wrap;min-height:1.5em}
.side .row.own>div:empty{background:transparent}
.side .row.moved>div{outline:1px dashed #9a6700}
table.obl p.cl{margin:0 0 4px}
.cat{display:inline-block;background:var(--c-soft);border-left:3px solid var(--c);padding:0 4px;font-size:11px;margin-top:2px}
${col}
`;
}
