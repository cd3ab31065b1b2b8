import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, languageSchema } from '../../shared/model/schema';
import { useAppStore } from '../store/appStore';
import { selectUiLanguage } from '../store/preferencesSlice';

/** Each language is named in itself ("Español", "English") so anyone can find their own. */
const ENDONYMS = { es: 'Español', en: 'English' } as const;

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useAppStore(selectUiLanguage);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <SegmentedControl
      aria-label={t('ui.header.language')}
      size="xs"
      radius="md"
      value={language}
      onChange={(value) => {
        const parsed = languageSchema.safeParse(value);
        if (parsed.success) setLanguage(parsed.data);
      }}
      data={LANGUAGES.map((code) => ({ value: code, label: ENDONYMS[code] }))}
    />
  );
}
