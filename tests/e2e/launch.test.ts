import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type ExtensionGlobal, type Session } from './harness';

describe('the built extension in Chromium', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('loads with its service worker running', async () => {
    expect(s.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await s.worker.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.runtime.getManifest(),
    );
    expect(manifest.manifest_version).toBe(3);
  });
});
