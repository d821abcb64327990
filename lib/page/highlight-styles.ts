/**
 * The `::highlight()` rules must live in the page's own style scope, and so must the margin that makes room
 * for the docked panel. A constructed style sheet adds no
 * element to the page; a `<style>` element is the fallback where documents cannot adopt sheets.
 */
import { highlightCss } from '../highlight/paint';

/** Where documents cannot adopt style sheets, the attribute set on the page's root while the panel is open. */
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
  return [
    dockCss(`html[${DOCK_ATTRIBUTE}]`),
    `::highlight(${DRAFT_HIGHLIGHT}){background-color:rgba(9,105,218,0.28);color:inherit}`,
  ].join('\n');
}

/** The margin rules for `root`: the page's root in the dock sheet, the attribute selector in the fallback. */
function dockCss(root: string): string {
  const { wide, narrow, breakpoint } = PANEL_WIDTH;
  return [
    // fit-content: a page that wraps fits what is left; a fixed-width layout keeps its width and scrolls
    // sideways, its right side reachable beside the panel.
    `${root}{margin-right:${wide}px!important;width:fit-content!important;box-sizing:border-box}`,
    `@media (max-width:${breakpoint - 1}px){${root}{margin-right:${narrow}px!important}}`,
    `@media print{${root}{margin-right:0!important}}`,
  ].join('\n');
}

const DOCK_MARKER = '__noticeLensDock';

/**
 * Narrow the page while the panel is open. A constructed sheet adopted while docked and dropped after changes
 * no attribute or element of the page; the root's attribute is the fallback where documents cannot adopt sheets.
 */
export function setDocked(doc: Document, docked: boolean): void {
  const holder = doc as unknown as Record<string, CSSStyleSheet | undefined>;
  const win = doc.defaultView;
  if (win && 'adoptedStyleSheets' in doc && typeof win.CSSStyleSheet === 'function') {
    try {
      let sheet = holder[DOCK_MARKER];
      if (!sheet) {
        sheet = new win.CSSStyleSheet();
        sheet.replaceSync(dockCss('html'));
        holder[DOCK_MARKER] = sheet;
      }
      const others = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      doc.adoptedStyleSheets = docked ? [...others, sheet] : others;
      return;
    } catch {
      // fall through to the attribute
    }
  }
  if (docked) doc.documentElement.setAttribute(DOCK_ATTRIBUTE, '');
  else if (doc.documentElement.hasAttribute(DOCK_ATTRIBUTE)) doc.documentElement.removeAttribute(DOCK_ATTRIBUTE);
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
  setDocked(doc, false);
  const holder = doc as unknown as Holder;
  const installed = holder[MARKER];
  if (!installed) return;
  delete holder[MARKER];
  if ('replaceSync' in installed) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== installed);
  else installed.remove();
}
