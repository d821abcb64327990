import type { MessageKey, Translate } from '../../components/messages';
import { catalogueTranslate, UI_LANGUAGE_KEY, type UiLanguage } from '../../components/translate';
import zh from '../../public/_locales/zh_CN/messages.json';
import en from '../../public/_locales/en/messages.json';

/**
 * The UI language: the browser's (browser.i18n: Chinese browsers and every language we have no catalogue
 * for get Chinese, English browsers English), unless the analyst chose one in the popup.
 */
export async function loadTranslate(): Promise<Translate> {
  let choice: UiLanguage = 'auto';
  try {
    const stored = await browser.storage.local.get(UI_LANGUAGE_KEY);
    const value = stored[UI_LANGUAGE_KEY];
    if (value === 'zh_CN' || value === 'en') choice = value;
  } catch {
    // storage unavailable: follow the browser
  }
  if (choice === 'zh_CN') return catalogueTranslate(zh);
  if (choice === 'en') return catalogueTranslate(en);
  return (key: MessageKey, ...subs) => browser.i18n.getMessage(key, subs.map(String)) || key;
}
