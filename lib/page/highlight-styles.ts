/**
 * The `::highlight()` rules must live in the page's own style scope. A constructed style sheet adds no
 * element to the page; a `<style>` element is the fallback where documents cannot adopt sheets.
 */
import { highlightCss } from '../highlight/paint';

const MARKER = '__noticeLensSheet';

type Holder = Record<string, CSSStyleSheet | HTMLStyleElement | undefined>;

/** Install the rules once per document. */
export function installHighlightStyles(doc: Document): void {
  const holder = doc as unknown as Holder;
  if (holder[MARKER]) return;
  const win = doc.defaultView;
  try {
    if (win && 'adoptedStyleSheets' in doc && typeof win.CSSStyleSheet === 'function') {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(highlightCss());
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      holder[MARKER] = sheet;
      return;
    }
  } catch {
    // fall through to a <style> element
  }
  const style = doc.createElement('style');
  style.textContent = highlightCss();
  (doc.head ?? doc.documentElement).appendChild(style);
  holder[MARKER] = style;
}

/** Take the rules out of the document again. */
export function removeHighlightStyles(doc: Document): void {
  const holder = doc as unknown as Holder;
  const installed = holder[MARKER];
  if (!installed) return;
  delete holder[MARKER];
  if ('replaceSync' in installed) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== installed);
  else installed.remove();
}
