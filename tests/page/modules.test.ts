import { describe, expect, it } from 'vitest';
import { lazyModuleFile, loadedModule, publishModule } from '../../lib/page/modules';

describe('lazily loaded content-script modules', () => {
  it('names a file only for a well-formed request for a known module', () => {
    expect(lazyModuleFile({ type: 'page/load-module', module: 'ui' })).toBe('/page-ui.js');
    expect(lazyModuleFile({ type: 'page/load-module', module: 'readability' })).toBe('/readability.js');
    for (const bad of [
      null,
      'page/load-module',
      { type: 'page/load-module' },
      { type: 'page/load-module', module: '../background.js' },
      { type: 'page/load-module', module: 'toString' },
      { type: 'page/load-module', module: '__proto__' },
      { type: 'page/load-module', module: 'ui', file: '/evil.js' },
      { type: 'annotation/put', module: 'ui' },
    ]) {
      expect(lazyModuleFile(bad)).toBeNull();
    }
  });

  it('hands a published export to the content script under its symbol, not a string key a page could guess', () => {
    expect(loadedModule('ui')).toBeUndefined();
    const ui = { marker: 1 };
    publishModule('ui', ui);
    expect(loadedModule('ui')).toBe(ui);
    expect(Object.keys(globalThis).some((k) => (globalThis as Record<string, unknown>)[k] === ui)).toBe(false);
  });
});
