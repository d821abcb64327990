import { CATEGORY_COLOURS, USER_COLOURS, USER_MARKS } from '../lib/highlight/paint';
import { PANEL_WIDTH } from '../lib/page/highlight-styles';
import { ANNOTATION_COLOURS, OBLIGATION_CATEGORIES } from '../lib/types';

/**
 * Styles of the in-page panel, applied inside its shadow root: `:host { all: initial }` keeps the page's CSS
 * out, and nothing here can leak into the page.
 */
export function panelCss(): string {
  const cat = OBLIGATION_CATEGORIES.map(
    (c) =>
      `.cat-${c}{--c:${CATEGORY_COLOURS[c].hard};--c-soft:${CATEGORY_COLOURS[c].soft};--c-ink:${CATEGORY_COLOURS[c].label}}`,
  ).join('\n');
  const col = ANNOTATION_COLOURS.map(
    (c) => `.col-${c}{--u:${USER_COLOURS[c]};--u-ink:${USER_MARKS[c].ink};--u-line:${USER_MARKS[c].style}}`,
  ).join('\n');
  const { wide, narrow, breakpoint } = PANEL_WIDTH;
  return `
:host{all:initial}
*{box-sizing:border-box}
.root{font:13px/1.55 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",system-ui,sans-serif;color:#1f2328;}
.launcher{position:fixed;right:16px;bottom:16px;z-index:2147483646;border:none;border-radius:20px;padding:8px 14px;background:#b22222;color:#fff;font:inherit;font-weight:600;box-shadow:0 2px 8px rgba(0,0,0,.25);cursor:pointer}
.launcher .n{background:#fff;color:#b22222;border-radius:10px;padding:0 7px;margin-left:6px}
.panel{position:fixed;top:0;right:0;bottom:0;width:${wide}px;z-index:2147483646;background:#fff;border-left:1px solid #d0d7de;box-shadow:-4px 0 16px rgba(0,0,0,.08);display:flex;flex-direction:column;overflow:hidden}
@media (max-width:${breakpoint - 1}px){.panel{width:${narrow}px}}
.head{display:flex;align-items:center;gap:8px;padding:10px 12px;background:#b22222;color:#fff}
.head h1{font-size:14px;margin:0;flex:1}
.head button{background:transparent;color:#fff;border:1px solid rgba(255,255,255,.5);border-radius:6px;padding:2px 8px;font:inherit;cursor:pointer}
.body{overflow:auto;padding:10px 12px;flex:1}
section{margin-bottom:14px}
h2{font-size:12px;color:#57606a;margin:0 0 6px;font-weight:600;letter-spacing:.02em}
.title{font-size:15px;font-weight:600;margin:0 0 6px;line-height:1.4}
dl.meta{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}
dl.meta dt{color:#57606a}
dl.meta dd{margin:0;word-break:break-all}
.missing{color:#8c959f}
.ann .conflict{margin-top:4px;padding:3px 6px;border-left:3px solid #bf8700;background:#fff8c5;color:#3d2f00;font-size:12px}
.legend{display:flex;flex-wrap:wrap;gap:6px}
.chip{display:inline-flex;align-items:center;gap:6px;border:1px solid #d0d7de;border-radius:14px;padding:2px 10px 2px 4px;background:#f6f8fa;font:inherit;cursor:pointer}
.chip .sw{width:14px;height:14px;border-radius:7px;background:var(--c)}
.chip[aria-pressed="false"]{opacity:.45}
.chip .n{color:#57606a}
.group{margin:8px 0}
.group h3{font-size:12px;margin:0 0 4px;color:#24292f}
.clause{display:block;width:100%;text-align:left;border:none;border-left:4px solid var(--c);background:var(--c-soft);margin:3px 0;padding:4px 8px;border-radius:4px;font:inherit;color:inherit;cursor:pointer}
.clause.soft{border-left-style:dashed}
.clause:hover{filter:brightness(.96)}
.clause .tag{font-size:11px;color:var(--c-ink);font-weight:600;margin-right:4px}
.clause .dl{font-size:11px;color:#9a3412;margin-left:4px}
.clause.current{outline:2px solid #1f2328;outline-offset:-1px}
.clause .src{font-size:10px;border:1px solid #8c959f;border-radius:6px;padding:0 4px;margin-right:4px;color:#57606a}
.clause .src-inherited{border-style:dashed}
.clause .src-addressee{border-style:dotted;color:#9a3412;border-color:#9a3412}
.clause .src-fragment{border:none;font-style:italic}
.group h3 .aka{font-weight:400;color:#57606a}
.filters{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:center}
.filters h2{width:100%}
.filters select{font:inherit;font-size:12px;max-width:100%;border:1px solid #d0d7de;border-radius:6px;padding:1px 2px;background:#fff;color:inherit}
.filters label{display:inline-flex;gap:3px;align-items:center;font-size:12px}
.filters .keys{width:100%;margin:2px 0 0;font-size:11px}
.toast{position:fixed;left:50%;bottom:24px;transform:translateX(-50%);z-index:2147483647;background:#1f2328;color:#fff;border-radius:8px;padding:6px 14px;box-shadow:0 4px 12px rgba(0,0,0,.25);display:flex;gap:10px;align-items:center}
.toast .link{color:#7cc4ff;font-weight:600}
.toolbar .quote{margin:0;padding:2px 6px;border-left:3px solid var(--u,#8c959f);color:#57606a;font-size:12px;max-height:4.8em;overflow:auto;white-space:pre-wrap}
.ann{border-left:4px var(--u-line,solid) var(--u);background:#fafbfc;padding:4px 8px;margin:4px 0;border-radius:4px}
.ann .q{cursor:pointer}
.ann .note{color:#24292f;margin-top:2px;white-space:pre-wrap}
.ann .tags span{display:inline-block;background:#eef1f4;border-radius:8px;padding:0 6px;margin:2px 4px 0 0;font-size:11px}
.ann .acts{display:flex;gap:6px;margin-top:2px}
.link{background:none;border:none;color:#0969da;padding:0;font:inherit;cursor:pointer}
.unplaced .ann{border-left-color:#8c959f;background:#f6f8fa}
.help{color:#57606a;font-size:12px;margin:0 0 6px}
.status{padding:6px 12px;font-size:12px;border-top:1px solid #d0d7de;background:#fff8c5}
.status.error{background:#ffebe9;color:#82071e}
.status.floating{position:fixed;right:16px;bottom:60px;z-index:2147483646;border:1px solid #d0d7de;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.15)}
.toolbar{position:fixed;z-index:2147483647;background:#fff;border:1px solid #d0d7de;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.2);padding:6px;display:flex;flex-direction:column;gap:6px;width:300px}
.swatches{display:flex;gap:6px;align-items:center}
.swatch{width:22px;height:22px;border-radius:11px;border:2px solid #fff;outline:1px solid #d0d7de;background:var(--u);cursor:pointer;padding:0;text-decoration:underline var(--u-line) 2px var(--u-ink);font-size:10px;color:var(--u-ink)}
.swatch[aria-pressed="true"]{outline:2px solid #1f2328}
.toolbar textarea,.toolbar input{font:inherit;border:1px solid #d0d7de;border-radius:6px;padding:4px 6px;width:100%}
.toolbar textarea{min-height:56px;resize:vertical}
.row{display:flex;gap:6px;justify-content:flex-end}
.btn{font:inherit;border:1px solid #d0d7de;background:#f6f8fa;border-radius:6px;padding:3px 10px;cursor:pointer}
.btn.primary{background:#b22222;color:#fff;border-color:#b22222}
.tip{position:fixed;z-index:2147483647;max-width:320px;background:#1f2328;color:#fff;border-radius:6px;padding:6px 9px;font-size:12px;pointer-events:none;box-shadow:0 4px 12px rgba(0,0,0,.25)}
.tip b{color:var(--c)}
${cat}
${col}
@media print{.panel,.launcher,.toolbar,.tip,.status,.toast{display:none!important}}
@media (prefers-color-scheme:dark){
.root{color:#e6edf3}
.panel,.toolbar{background:#161b22;border-color:#30363d;color:#e6edf3}
.head{background:#8b1a1a}
h2,dl.meta dt,.chip .n,.help,.group h3 .aka,.toolbar .quote{color:#9da7b3}
.group h3{color:#e6edf3}
.missing{color:#7d8590}
.ann .conflict{background:#2e2a14;border-color:#d29922;color:#e6edf3}
.chip{background:#21262d;border-color:#30363d;color:#e6edf3}
.clause{background:color-mix(in srgb,var(--c) 22%,#161b22);color:#e6edf3}
.clause .tag{color:var(--c)}
.clause .dl{color:#f0883e}
.clause .src{color:#9da7b3;border-color:#6e7681}
.clause.current{outline-color:#e6edf3}
.ann{background:#1c2128}
.ann .note{color:#e6edf3}
.ann .tags span{background:#30363d}
.unplaced .ann{background:#21262d}
.link{color:#58a6ff}
.status{background:#3d2e00;border-color:#30363d;color:#e6edf3}
.status.error{background:#490202;color:#ffa198}
.filters select,.toolbar textarea,.toolbar input,.btn{background:#0d1117;color:#e6edf3;border-color:#30363d}
.btn.primary{background:#b22222;border-color:#b22222;color:#fff}
.toast{background:#e6edf3;color:#1f2328}
.toast .link{color:#0969da}
}
`;
}
