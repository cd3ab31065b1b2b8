import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatLocaleNumber } from '../../../../shared/numbers/localeNumber';
import type { FieldProblem } from '../state/fieldDrafts';

/** A problem in words; numbers in it are written the interface's way ("1.000.000.000.000" in Spanish). */
export function useProblemText(): (problem: FieldProblem | null) => string | undefined {
  const { t, i18n } = useTranslation();
  return (problem) => {
    if (!problem) return undefined;
    const params = Object.fromEntries(
      Object.entries(problem.params ?? {}).map(([name, value]) => [
        name,
        typeof value === 'number' && name !== 'count' ? formatLocaleNumber(value, i18n.language) : value,
      ]),
    );
    return t(problem.key, params);
  };
}

/**
 * The answers to "which number do you mean?": one button per reading, so the user decides and nothing is
 * guessed. Below the field, named after the question so a screen reader hears both together.
 */
export function FieldChoices({
  question,
  choices,
  onChoose,
  disabled,
}: {
  question: string;
  choices: number[];
  onChoose(value: number): void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap={6} mt={6} role="group" aria-label={question}>
      {choices.map((choice) => {
        const text = formatLocaleNumber(choice, i18n.language);
        return (
          <Button
            key={choice}
            size="compact-sm"
            variant="default"
            disabled={disabled}
            aria-label={t('workshop.number.choose', { value: text })}
            onClick={() => onChoose(choice)}
          >
            {text}
          </Button>
        );
      })}
    </Group>
  );
}
