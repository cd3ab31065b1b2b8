import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { addFormats, I18N_OPTIONS } from '../../shared/i18n';
import type { Language } from '../../shared/model/schema';

/** The renderer's own instance, so tests or other code using the global i18next cannot interfere. */
export const i18n = i18next.createInstance();

function applyDocumentLanguage(language: string): void {
  // Screen readers pick their voice from <html lang>; it must follow the UI language.
  document.documentElement.lang = language;
}

/** Synchronous init: every message is bundled, so the first render is already translated. */
export function initI18n(language: Language): void {
  void i18n.use(initReactI18next).init({ ...I18N_OPTIONS, lng: language });
  addFormats(i18n);
  applyDocumentLanguage(language);
  i18n.on('languageChanged', applyDocumentLanguage);
}
