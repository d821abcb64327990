/**
 * The `::highlight()` rules must live in the page's own style scope, and so must the margin that makes room
 * for the docked panel. A constructed style sheet adds no
 * element to the page; a `<style>` element is the fallback where documents cannot adopt sheets.
 */
import { highlightCss } from '../highlight/paint';

/** The attribute set on the page's root while the panel is open: the page narrows to leave the panel its room. */
export const DOCK_ATTRIBUTE = 'data-notice-lens-panel';
/** The panel's width in CSS pixels: full from 1024 px wide, narrower below (the page keeps the rest). */
export const PANEL_WIDTH = { wide: 380, narrow: 300, breakpoint: 1024 } as const;
/** The selection a note is being written for, kept visible while the focus is in the note form. */
export const DRAFT_HIGHLIGHT = 'notice-lens-draft';

/**
 * Rules for the page itself besides the highlights: while the panel is open the page's root gives up a right
 * margin as wide as the panel, so no text lies under it (a page wider than the rest scrolls sideways, as far
 * as its right edge beside the panel); printed, the margin goes (the panel is not printed).
 */
export function pageRulesCss(): string {
  const { wide, narrow, breakpoint } = PANEL_WIDTH;
  return [
    // fit-content: a page that wraps fits what is left; a fixed-width layout keeps its width and scrolls
    // sideways, its right side reachable beside the panel.
    `html[${DOCK_ATTRIBUTE}]{margin-right:${wide}px!important;width:fit-content!important;box-sizing:border-box}`,
    `@media (max-width:${breakpoint - 1}px){html[${DOCK_ATTRIBUTE}]{margin-right:${narrow}px!important}}`,
    `@media print{html[${DOCK_ATTRIBUTE}]{margin-right:0!important}}`,
    `::highlight(${DRAFT_HIGHLIGHT}){background-color:rgba(9,105,218,0.28);color:inherit}`,
  ].join('\n');
}

function sheetCss(): string {
  return `${highlightCss()}\n${pageRulesCss()}`;
}

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
      sheet.replaceSync(sheetCss());
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      holder[MARKER] = sheet;
      return;
    }
  } catch {
    // fall through to a <style> element
  }
  const style = doc.createElement('style');
  style.textContent = sheetCss();
  (doc.head ?? doc.documentElement).appendChild(style);
  holder[MARKER] = style;
}

/** Take the rules out of the document again (and the panel's margin with them). */
export function removeHighlightStyles(doc: Document): void {
  doc.documentElement.removeAttribute(DOCK_ATTRIBUTE);
  const holder = doc as unknown as Holder;
  const installed = holder[MARKER];
  if (!installed) return;
  delete holder[MARKER];
  if ('replaceSync' in installed) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== installed);
  else installed.remove();
}
