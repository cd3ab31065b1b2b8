import { NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/model/limits';
import { fieldId, useFieldValue, useReadOnly, useSetField, type BoundFieldProps } from './useField';

interface Props extends BoundFieldProps {
  min?: number;
  max?: number;
  /** Whole numbers only (counts, hours) unless given. */
  decimals?: number;
  suffix?: string;
  prefix?: string;
}

/**
 * A number that may be unknown: an empty box stores null, never 0, so "not decided yet" stays visible
 * to the completeness check. Separators follow the interface language.
 */
export function NumberField({ path, label, description, placeholder, required, min = 0, max = LIMITS.maxNumber, decimals = 0, suffix, prefix }: Props) {
  const { i18n } = useTranslation();
  const value = useFieldValue<number | null>(path);
  const setField = useSetField();
  const readOnly = useReadOnly();
  const es = i18n.language === 'es';
  return (
    <NumberInput
      id={fieldId(path)}
      label={label}
      description={description}
      placeholder={placeholder}
      withAsterisk={required}
      value={value ?? ''}
      min={min}
      max={max}
      clampBehavior="strict"
      allowNegative={min < 0}
      decimalScale={decimals}
      allowDecimal={decimals > 0}
      thousandSeparator={es ? '.' : ','}
      decimalSeparator={es ? ',' : '.'}
      suffix={suffix}
      prefix={prefix}
      readOnly={readOnly}
      onChange={(next) => {
        if (next === '' || next === null) return setField(path, null);
        const number = typeof next === 'number' ? next : Number(next);
        if (Number.isFinite(number)) setField(path, number);
      }}
    />
  );
}
