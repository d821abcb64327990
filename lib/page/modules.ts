/**
 * Scripts the content script loads only on the pages that need them. The background injects the file
 * into the asking frame (`page/load-module`); the script leaves its export under a symbol in the content
 * script's isolated world, invisible to the page.
 *
 * - `ui`: the panel, selection toolbar and tooltip (Preact) and annotation anchoring, loaded once a page
 *   turns out to be a notice, after its highlights are painted. Other pages of a notice site never load it.
 * - `readability`: @mozilla/readability, loaded only where no site adapter and no heuristic found the body.
 */

export const LAZY_MODULES = {
  ui: { file: '/page-ui.js', global: Symbol.for('notice-lens/page-ui') },
  readability: { file: '/readability.js', global: Symbol.for('notice-lens/readability') },
} as const;
export type LazyModule = keyof typeof LAZY_MODULES;
export type LazyModuleFile = (typeof LAZY_MODULES)[LazyModule]['file'];

export interface LoadModuleRequest {
  type: 'page/load-module';
  module: LazyModule;
}

/** The file to inject for a raw message, or null when it is not a well-formed load request. */
export function lazyModuleFile(raw: unknown): LazyModuleFile | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (r.type !== 'page/load-module' || Object.keys(r).length !== 2 || typeof r.module !== 'string') return null;
  return Object.prototype.hasOwnProperty.call(LAZY_MODULES, r.module)
    ? LAZY_MODULES[r.module as LazyModule].file
    : null;
}

/** Leave a lazily loaded module's export where the content script finds it (called by the injected script). */
export function publishModule(name: LazyModule, value: unknown): void {
  (globalThis as Record<symbol, unknown>)[LAZY_MODULES[name].global] = value;
}

/** The export of a module injected into this world, or undefined when it has not been loaded. */
export function loadedModule(name: LazyModule): unknown {
  return (globalThis as Record<symbol, unknown>)[LAZY_MODULES[name].global];
}
