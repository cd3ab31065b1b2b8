import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../shared/model/limits';
import { useProblemText } from '../../fields/FieldChoices';
import { useDraftedField } from '../../fields/useDraftedField';
import { fieldId, useFieldValue, useReadOnly } from '../../fields/useField';
import { SelectField } from '../../fields/SelectField';
import { TextField } from '../../fields/TextField';
import { StepSection } from '../../fields/StepSection';

/** The currencies most agreements use (Spain, Latin America and the English-speaking markets). */
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'MXN', 'COP', 'ARS', 'CLP', 'PEN', 'BRL', 'CAD', 'AUD', 'CHF'] as const;

const TITLE_PATH = ['meta', 'title'] as const;
const hasText = (text: string) => text.trim().length > 0;

/** One formatter per language: building one costs more than the lookup, and the list asks for twelve names per render. */
const currencyNames = new Map<string, Intl.DisplayNames | null>();

function currencyName(code: string, language: string): string {
  try {
    if (!currencyNames.has(language)) {
      // Names come from the runtime's own locale data: translated, and available offline.
      let names: Intl.DisplayNames | null = null;
      try {
        names = new Intl.DisplayNames([language], { type: 'currency' });
      } catch {
        // An unknown language tag: the codes alone.
      }
      currencyNames.set(language, names);
    }
    return currencyNames.get(language)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The agreement's own details: title, company, language (fixed at creation) and currency. */
export function AgreementMeta() {
  const { t, i18n } = useTranslation();
  const readOnly = useReadOnly();
  const language = useFieldValue<string>(['meta', 'language']);
  const currency = useFieldValue<string>(['meta', 'currency']);
  const problemText = useProblemText();
  const titleLabel = t('steps.participants.agreement.name.label');
  // The title may never be empty: an emptied box keeps the previous title stored until new text comes.
  const title = useDraftedField<string>({
    path: TITLE_PATH,
    label: titleLabel,
    read: (raw) => (hasText(raw) ? { ok: true, value: raw } : { ok: false, problem: { key: 'steps.participants.agreement.name.required' } }),
    format: (stored) => stored ?? '',
  });
  const codes: string[] = [...CURRENCIES];
  // An imported agreement may use another currency; show it rather than silently display the first option.
  if (currency && !codes.includes(currency)) codes.unshift(currency);
  const options = codes.map((code) => ({ value: code, label: `${code} — ${currencyName(code, i18n.language)}` }));

  return (
    <StepSection title={t('steps.participants.agreement.title')}>
      <div className="form-grid form-grid-2">
        <TextInput
          id={fieldId(TITLE_PATH)}
          label={titleLabel}
          placeholder={t('steps.participants.agreement.name.placeholder')}
          withAsterisk
          value={title.text}
          maxLength={LIMITS.shortText}
          readOnly={readOnly}
          error={problemText(title.problem)}
          onBlur={title.onBlur}
          onChange={(event) => title.onChange(event.currentTarget.value)}
        />
        <TextField
          path={['meta', 'company']}
          label={t('steps.participants.agreement.company.label')}
          placeholder={t('steps.participants.agreement.company.placeholder')}
        />
        <TextInput
          id={fieldId(['meta', 'language'])}
          label={t('steps.participants.agreement.language.label')}
          description={t('steps.participants.agreement.language.description')}
          value={language === 'es' || language === 'en' ? t(`common.language.${language}`) : ''}
          readOnly
          variant="filled"
        />
        <SelectField
          path={['meta', 'currency']}
          label={t('steps.participants.agreement.currency.label')}
          description={t('steps.participants.agreement.currency.description')}
          options={options}
        />
      </div>
    </StepSection>
  );
}
