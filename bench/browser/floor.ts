/**
 * The floor of the page benchmark's first-paint figure: a minimal MV3 extension, written at run time into a
 * temporary folder, whose content script does nothing but find one sentence of the body text and paint it.
 * It is loaded like the extension (same content-script timing: `document_start`, started from within
 * DOMContentLoaded) and timed the same way (the moment the highlight is registered and styled), so the
 * page benchmark can print how much of the extension's figure is the page's and Chromium's, not its own.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The performance mark the floor's content script sets when its highlight is registered and styled. */
export const FLOOR_MARK = 'floor-painted';
/**
 * The mark it sets once the next frame is rendered (a task after that frame's animation callbacks, style,
 * layout and paint): when the highlight is on screen. A content script whose highlight is registered within
 * the page's own task holding DOMContentLoaded (before the page has laid out its text) is only seen then.
 */
export const FLOOR_FRAME_MARK = 'floor-frame';

/**
 * Finds, with a TreeWalker over the body's text nodes, the first sentence holding an obligation word (or
 * the first sentence of the text), registers it as a CSS Custom Highlight with its style, and marks the time,
 * then again after the next rendered frame.
 * A performance mark is shared by the content script's world and the page's, and changes nothing in the DOM.
 */
const CONTENT_SCRIPT = `(() => {
  const paint = () => {
    const body = document.body;
    if (!body) return;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let fallback = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      if (!fallback && text.includes('。')) fallback = node;
      if (!text.includes('应当')) continue;
      fallback = node;
      break;
    }
    if (!fallback) return;
    const text = fallback.data;
    const word = Math.max(text.indexOf('应当'), 0);
    const start = text.lastIndexOf('。', word) + 1;
    const stop = text.indexOf('。', word);
    const range = document.createRange();
    range.setStart(fallback, start);
    range.setEnd(fallback, stop < 0 ? text.length : stop + 1);
    const style = document.createElement('style');
    style.textContent = '::highlight(floor-sentence) { background-color: #ffe08a; }';
    (document.head ?? document.documentElement).append(style);
    CSS.highlights.set('floor-sentence', new Highlight(range));
    performance.mark(${JSON.stringify(FLOOR_MARK)});
    requestAnimationFrame(() => setTimeout(() => performance.mark(${JSON.stringify(FLOOR_FRAME_MARK)}), 0));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', paint, { once: true });
  else paint();
})();
`;

/**
 * Writes the floor extension (manifest, the content script, an empty service worker: the browser harness
 * waits for one and stores a setting through it) into a new temporary folder and returns its path.
 */
export function writeFloorExtension(matches: string[] = ['*://www.gov.cn/*']): string {
  const dir = mkdtempSync(join(tmpdir(), 'notice-lens-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'floor',
    version: '0.0.1',
    permissions: ['storage'],
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches, run_at: 'document_start', js: ['content.js'] }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  writeFileSync(join(dir, 'content.js'), CONTENT_SCRIPT);
  writeFileSync(join(dir, 'background.js'), '// The floor has no background work.\n');
  return dir;
}
