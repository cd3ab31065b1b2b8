import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Agreement, Team } from '../../../../../shared/model/schema';
import { useDraftSelector } from '../../fields/useField';

/** Names of the leaders of `team` who sign, as a JSON string so the selector's result compares by value. */
const signingLeaders = (team: Team) => (d: Agreement) =>
  JSON.stringify(d.participants.filter((p) => p.team === team && p.role === 'leader' && p.mustSign).map((p) => p.name.trim()));

const marketingLeaders = signingLeaders('marketing');
const salesLeaders = signingLeaders('sales');

/** The agreement can only be signed with a marketing leader and a sales leader among the signers. */
export function SignersSummary() {
  const { t } = useTranslation();
  const marketing = useDraftSelector(marketingLeaders);
  const sales = useDraftSelector(salesLeaders);
  const line = (team: 'marketing' | 'sales', json: string | undefined) => {
    const names = json ? (JSON.parse(json) as string[]) : [];
    const ok = names.length > 0;
    // A leader whose name is not typed yet still counts; say so rather than show an empty name.
    const shown = names.map((n) => n || t('steps.participants.signers.unnamed')).join(', ');
    return (
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ThemeIcon size={24} radius="xl" variant="light" color={ok ? 'teal' : 'orange'} aria-hidden>
          {ok ? <IconCheck size={15} /> : <IconAlertTriangle size={15} />}
        </ThemeIcon>
        <Text size="sm" c={ok ? 'teal.9' : '#a8400a'} pt={2}>
          {ok ? t(`steps.participants.signers.${team}Ok`, { names: shown }) : t(`steps.participants.signers.${team}Missing`)}
        </Text>
      </Group>
    );
  };
  return (
    <div className="form-grid form-grid-2 signers-summary">
      {line('marketing', marketing)}
      {line('sales', sales)}
    </div>
  );
}
