import { Alert, Box, Button, Center, Loader, Paper, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { AgreementSummary } from '../../../shared/api/contract';
import { describeError } from '../../../shared/i18n';
import { useAppStore } from '../../store/appStore';

interface Props {
  /** Shown instead of the list when there is nothing at all (no search active). */
  empty: ReactNode;
  renderRow(agreement: AgreementSummary): ReactNode;
  label: string;
}

/** The list's four states: first load, error (with retry), nothing found, and the rows themselves. */
export function AgreementList({ empty, renderRow, label }: Props) {
  const { t } = useTranslation();
  const { agreements, loading, error, query } = useAppStore(
    useShallow((s) => ({ agreements: s.agreements, loading: s.listLoading, error: s.listError, query: s.listQuery })),
  );
  const loadAgreements = useAppStore((s) => s.loadAgreements);

  if (error) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('ui.home.loadFailed')}>
        <Text size="sm" mb="sm">
          {describeError(t, error)}
        </Text>
        <Button size="xs" variant="white" color="red" onClick={() => void loadAgreements()}>
          {t('ui.common.retry')}
        </Button>
      </Alert>
    );
  }
  if (agreements.length === 0 && loading) {
    return (
      <Center py={64}>
        <Loader aria-label={t('ui.home.loading')} />
      </Center>
    );
  }
  if (agreements.length === 0) {
    if (!query.trim()) return <>{empty}</>;
    return (
      <Paper withBorder radius="lg" p="xl">
        <Text ta="center" c="dimmed">
          {t('ui.home.noResults', { query: query.trim() })}
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="lg" style={{ overflow: 'hidden' }} aria-busy={loading}>
      <Box component="ul" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }} className="agreement-list">
        {agreements.map((agreement) => renderRow(agreement))}
      </Box>
    </Paper>
  );
}
