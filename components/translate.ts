import type { MessageKey, Translate } from './messages';

/** A message catalogue in the extension's `_locales/<lang>/messages.json` form. */
export type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** A translator over a bundled catalogue, with the same `$1` substitutions as browser.i18n. */
export function catalogueTranslate(catalogue: Catalogue): Translate {
  return (key: MessageKey, ...subs) => {
    const entry = catalogue[key];
    if (!entry) return key;
    let text = entry.message;
    if (entry.placeholders) {
      for (const [name, ph] of Object.entries(entry.placeholders)) {
        const index = Number(ph.content.replace('$', '')) - 1;
        text = text.split(`$${name.toUpperCase()}$`).join(String(subs[index] ?? ''));
      }
    }
    return text;
  };
}

export type UiLanguage = 'auto' | 'zh_CN' | 'en';
export const UI_LANGUAGE_KEY = 'settings:uiLanguage';
