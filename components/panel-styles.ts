import { CATEGORY_COLOURS, USER_COLOURS } from '../lib/highlight/paint';
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
  const col = ANNOTATION_COLOURS.map((c) => `.col-${c}{--u:${USER_COLOURS[c]}}`).join('\n');
  return `
:host{all:initial}
*{box-sizing:border-box}
.root{font:13px/1.55 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",system-ui,sans-serif;color:#1f2328;}
.launcher{position:fixed;right:16px;bottom:16px;z-index:2147483646;border:none;border-radius:20px;padding:8px 14px;background:#b22222;color:#fff;font:inherit;font-weight:600;box-shadow:0 2px 8px rgba(0,0,0,.25);cursor:pointer}
.launcher .n{background:#fff;color:#b22222;border-radius:10px;padding:0 7px;margin-left:6px}
.panel{position:fixed;top:12px;right:12px;bottom:12px;width:380px;z-index:2147483646;background:#fff;border:1px solid #d0d7de;border-radius:10px;box-shadow:0 8px 28px rgba(0,0,0,.18);display:flex;flex-direction:column;overflow:hidden}
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
.ann{border-left:4px solid var(--u);background:#fafbfc;padding:4px 8px;margin:4px 0;border-radius:4px}
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
.toolbar{position:fixed;z-index:2147483647;background:#fff;border:1px solid #d0d7de;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.2);padding:6px;display:flex;flex-direction:column;gap:6px;min-width:240px}
.swatches{display:flex;gap:6px;align-items:center}
.swatch{width:22px;height:22px;border-radius:11px;border:2px solid #fff;outline:1px solid #d0d7de;background:var(--u);cursor:pointer;padding:0}
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
`;
}
