import { CATEGORY_COLOURS } from '../lib/highlight/paint';
import { OBLIGATION_CATEGORIES } from '../lib/types';

/** Shared styles of the extension's own pages (popup, library, compare). */
export function pageCss(): string {
  const cats = OBLIGATION_CATEGORIES.map(
    (c) =>
      `.cat-${c}{--c:${CATEGORY_COLOURS[c].hard};--c-soft:${CATEGORY_COLOURS[c].soft};--c-ink:${CATEGORY_COLOURS[c].label}}`,
  ).join('\n');
  return `
*{box-sizing:border-box}
body{margin:0;font:13px/1.55 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",system-ui,sans-serif;color:#1f2328;background:#fff}
button{font:inherit}
h1{font-size:15px;margin:0}
h2{font-size:12px;color:#57606a;margin:12px 0 6px;font-weight:600}
.bar{display:flex;align-items:center;gap:8px;padding:10px 12px;background:#b22222;color:#fff}
.bar h1{flex:1}
.bar button,.bar a{background:transparent;color:#fff;border:1px solid rgba(255,255,255,.55);border-radius:6px;padding:2px 8px;cursor:pointer;text-decoration:none}
.btn{border:1px solid #d0d7de;background:#f6f8fa;border-radius:6px;padding:3px 10px;cursor:pointer}
.btn.primary{background:#b22222;color:#fff;border-color:#b22222}
.btn:disabled{opacity:.5;cursor:default}
.card{border:1px solid #d0d7de;border-radius:8px;padding:8px 10px;margin:10px 12px}
.card .t{font-weight:600;display:block}
.muted{color:#57606a}
.cats{display:inline-flex;flex-wrap:wrap;gap:4px}
.cat{background:var(--c-soft);border-left:3px solid var(--c);border-radius:4px;padding:0 6px;font-size:12px}
.filters{padding:0 12px}
.filters .q{width:100%;border:1px solid #d0d7de;border-radius:6px;padding:5px 8px;font:inherit}
.filters .row{display:grid;grid-template-columns:1fr 1fr;gap:4px;margin-top:4px}
.filters select{font:inherit;font-size:12px;border:1px solid #d0d7de;border-radius:6px;padding:2px;min-width:0}
ul.notices{list-style:none;margin:0;padding:0 12px 12px}
li.notice{display:flex;align-items:flex-start;gap:6px;border-bottom:1px solid #eaeef2;padding:6px 0;content-visibility:auto;contain-intrinsic-size:auto 52px}
li.notice.selected{background:#fff8c5}
li.notice .open{flex:1;text-align:left;border:none;background:none;padding:0;cursor:pointer;color:inherit;min-width:0}
li.notice .t{display:block;font-weight:600;line-height:1.4}
li.notice .sub{display:block;color:#57606a;font-size:12px}
li.notice .snip{display:block;color:#57606a;font-size:12px;background:#f6f8fa;border-radius:4px;padding:1px 4px;margin-top:2px}
li.notice .count{min-width:22px;text-align:center;background:#eef1f4;border-radius:10px;font-size:12px;padding:0 6px}
.empty{color:#57606a;padding:12px}
.status{padding:6px 12px;font-size:12px;background:#fff8c5}
.status.error{background:#ffebe9;color:#82071e}
${cats}
mark{background:#fff3a3;color:inherit;border-radius:2px;padding:0 1px}
@media (prefers-color-scheme:dark){
body{color:#e6edf3;background:#0d1117}
h2,.muted,li.notice .sub,li.notice .snip,.empty{color:#9da7b3}
.bar{background:#8b1a1a}
.btn,.filters .q,.filters select{background:#21262d;color:#e6edf3;border-color:#30363d}
.btn.primary{background:#b22222;border-color:#b22222;color:#fff}
.card{border-color:#30363d}
li.notice{border-bottom-color:#21262d}
li.notice.selected{background:#3d2e00}
li.notice .snip{background:#161b22}
li.notice .count{background:#30363d}
.cat{background:color-mix(in srgb,var(--c) 25%,#0d1117)}
.status{background:#3d2e00}
.status.error{background:#490202;color:#ffa198}
mark{background:#6e5800;color:#fff}
}
`;
}
