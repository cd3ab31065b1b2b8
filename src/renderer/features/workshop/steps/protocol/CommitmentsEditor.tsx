import { Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { LIMITS } from '../../../../../shared/model/limits';
import { fieldId } from '../../../../../shared/model/paths';
import { COMMITMENT_UNITS, type Commitment, type Team } from '../../../../../shared/model/schema';
import { useAppStore } from '../../../../store/appStore';
import { NumberField } from '../../fields/NumberField';
import { SelectField } from '../../fields/SelectField';
import { TextField } from '../../fields/TextField';
import { useEdit, useFieldValue, useReadOnly } from '../../fields/useField';
import { ItemControls } from '../../fields/ItemControls';
import { addCommitment, removeCommitment, swapCommitments } from './commitmentEdits';
import { useFormatters } from '../goals/format';

const LIST_PATH = ['protocol', 'commitments'] as const;
const ACCENT: Record<Team, string> = { marketing: 'indigo', sales: 'teal', other: 'gray' };
const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
/** After a removal the focused button is gone: move focus to that team's add button (its id varies). */
const focusAddSoon = (team: Team) => requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-add-team="${team}"]`)?.focus());

interface RowProps {
  index: number;
  team: Team;
  /** Position within the team's group, from 1. */
  n: number;
  onUp?: () => void;
  onDown?: () => void;
  onRemove: () => void;
}

function CommitmentRow({ index, team, n, onUp, onDown, onRemove }: RowProps) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const path = <F extends keyof Commitment>(field: F) => [...LIST_PATH, index, field] as const;
  const description = useFieldValue<string | undefined>(path('description'))?.trim();
  const min = useFieldValue<number | null | undefined>(path('min'));
  const max = useFieldValue<number | null | undefined>(path('max'));
  const format = useFormatters();
  // Each bound is valid alone; together they must leave room for a value (the completeness check agrees).
  const rangeError =
    typeof min === 'number' && typeof max === 'number' && min > max ? t('steps.protocol.commitments.maxBelowMin', { min: format.number(min) }) : undefined;
  const name = t('steps.protocol.commitments.itemN', { team: t(`common.teams.${team}`), n });
  return (
    <Paper withBorder radius="md" p="sm" style={{ borderLeft: `4px solid var(--mantine-color-${ACCENT[team]}-4)` }}>
      {/* One line per commitment, read left to right like the sentence it is: what, at least, at most, in what. */}
      <Group gap="sm" align="flex-start" wrap="nowrap">
        {/* The group holds the fields only, so getByLabel('Commitment') inside it finds the input, not the buttons. */}
        <Group role="group" aria-label={name} gap="sm" align="flex-start" wrap="wrap" preventGrowOverflow={false} style={{ flex: 1 }}>
          <Box style={{ flex: '1 1 260px' }}>
            <TextField
              path={path('description')}
              label={t('steps.protocol.commitments.fields.description.label')}
              placeholder={t(`steps.protocol.commitments.${team}.placeholder`)}
            />
          </Box>
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <Box w={140}>
              <NumberField path={path('min')} label={t('steps.protocol.commitments.fields.min.label')} decimals={2} />
            </Box>
            <Box w={140}>
              <NumberField path={path('max')} label={t('steps.protocol.commitments.fields.max.label')} decimals={2} error={rangeError} />
            </Box>
            <Box w={130}>
              <SelectField
                path={path('unit')}
                label={t('steps.protocol.commitments.fields.unit.label')}
                options={COMMITMENT_UNITS.map((u) => ({ value: u, label: t(`steps.protocol.units.${u}`) }))}
              />
            </Box>
          </Group>
        </Group>
        {!readOnly && (
          <Box pt={26}>
            <ItemControls title={description || name} onUp={onUp} onDown={onDown} onRemove={onRemove} />
          </Box>
        )}
      </Group>
    </Paper>
  );
}

/**
 * What each side promises, one team after the other under its own heading. Commitments of another team
 * (possible in an imported file) get their own group below.
 */
export function CommitmentsEditor() {
  const { t } = useTranslation();
  const edit = useEdit();
  const readOnly = useReadOnly();
  const teams = useAppStore(useShallow((s) => (s.session?.draft.protocol.commitments ?? []).map((c) => c.team)));
  const keys = useAppStore(useShallow((s) => (s.session?.draft.protocol.commitments ?? []).map((c) => c.id)));
  const indexesOf = (team: Team) => teams.flatMap((tm, i) => (tm === team ? [i] : []));
  // The "still missing" list focuses this id for both "marketing commits nothing" and "sales commits nothing".
  const focusTeam: Team = indexesOf('marketing').length === 0 ? 'marketing' : indexesOf('sales').length === 0 ? 'sales' : 'marketing';

  const group = (team: Team) => {
    const indexes = indexesOf(team);
    const add = () => {
      edit((draft) => addCommitment(draft, team));
      focusSoon(fieldId([...LIST_PATH, teams.length, 'description']));
    };
    return (
      <Stack gap="sm" role="group" aria-labelledby={`commitments-${team}`}>
        <Title order={4} size="h5" id={`commitments-${team}`} c={`${ACCENT[team]}.9`}>
          {t(`steps.protocol.commitments.${team}.title`)}
        </Title>
        {indexes.length === 0 && (
          <Text size="sm" c="dimmed">
            {t(`steps.protocol.commitments.${team}.empty`)}
          </Text>
        )}
        {indexes.map((index, n) => {
          const previous = indexes[n - 1];
          const next = indexes[n + 1];
          return (
            <CommitmentRow
              key={keys[index] ?? index}
              index={index}
              team={team}
              n={n + 1}
              onUp={previous === undefined ? undefined : () => edit((draft) => swapCommitments(draft, previous, index))}
              onDown={next === undefined ? undefined : () => edit((draft) => swapCommitments(draft, index, next))}
              onRemove={() => {
                edit((draft) => removeCommitment(draft, index));
                focusAddSoon(team);
              }}
            />
          );
        })}
        {!readOnly && team !== 'other' && (
          <Button
            id={team === focusTeam ? fieldId(LIST_PATH) : undefined}
            data-add-team={team}
            variant="light"
            color={ACCENT[team]}
            leftSection={<IconPlus size={16} />}
            onClick={add}
            disabled={teams.length >= LIMITS.listItems}
            w="fit-content"
          >
            {t(`steps.protocol.commitments.${team}.add`)}
          </Button>
        )}
      </Stack>
    );
  };

  return (
    <Stack gap="lg">
      {group('marketing')}
      {group('sales')}
      {indexesOf('other').length > 0 && group('other')}
    </Stack>
  );
}
