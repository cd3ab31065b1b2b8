import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../shared/model/schema';
import { useAppStore } from '../store/appStore';
import { selectUiLanguage } from '../store/preferencesSlice';

/** Each language is named in itself ("Español", "English") so anyone can find their own. */
const ENDONYMS = { es: 'Español', en: 'English' } as const;

/**
 * Two toggle buttons rather than a select: one click, both options always visible, and plain buttons
 * with aria-pressed that assistive technology (and end-to-end tests) can find by name.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useAppStore(selectUiLanguage);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    // Button.Group does not take aria props; the labelled group around it names the control.
    <div role="group" aria-label={t('ui.header.language')}>
      <Button.Group>
        {LANGUAGES.map((code) => (
          <Button
            key={code}
            size="xs"
            variant={code === language ? 'filled' : 'default'}
            aria-pressed={code === language}
            lang={code}
            onClick={() => setLanguage(code)}
          >
            {ENDONYMS[code]}
          </Button>
        ))}
      </Button.Group>
    </div>
  );
}
