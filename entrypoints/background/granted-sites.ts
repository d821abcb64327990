/**
 * Sites the analyst allowed (optional host permission, asked for from the popup) get the content script
 * registered at run time, so notices there are analysed automatically like on the known sites.
 */
export async function registerGrantedSites(builtIn: string[]): Promise<void> {
  const sync = async () => {
    const granted = await browser.permissions.getAll();
    const origins = (granted.origins ?? []).filter(
      (o) => !builtIn.includes(o) && o !== '*://*/*' && o !== '<all_urls>',
    );
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: ['granted-sites'] }).catch(() => []);
    if (existing.length)
      await browser.scripting.unregisterContentScripts({ ids: ['granted-sites'] }).catch(() => undefined);
    if (origins.length === 0) return;
    await browser.scripting
      .registerContentScripts([
        {
          id: 'granted-sites',
          matches: origins,
          js: ['/content-scripts/content.js'],
          runAt: 'document_idle',
          persistAcrossSessions: true,
        },
      ])
      .catch(() => undefined);
  };
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  await sync();
}
