import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFilePlus, IconSparkles, IconTrash } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementSummary } from '../../../shared/api/contract';
import type { ListScope } from '../../store/agreementsSlice';
import { useAppStore } from '../../store/appStore';
import { lastStepOf } from '../../store/preferencesSlice';
import { BackupsButton } from '../backups/BackupsButton';
import { AgreementList } from './AgreementList';
import { AgreementRow, type AgreementRowActions } from './AgreementRow';
import { ConfirmPurgeModal } from './ConfirmPurgeModal';
import { EmptyHome } from './EmptyHome';
import { ImportSlawButton } from './ImportSlawButton';
import { NewAgreementModal, type NewSource } from './NewAgreementModal';
import { RenameModal } from './RenameModal';
import { SearchBox } from './SearchBox';
import { TrashRow, type TrashRowActions } from './TrashRow';
import { useAgreementActions } from './useAgreementActions';
import { useDialog } from './useDialog';
import { VerifyDocumentButton } from './VerifyDocumentDialog';

/** The agreements on this computer (or, in the trash view, the deleted ones) and what can be done with them. */
export function HomePage({ scope }: { scope: ListScope }) {
  const { t } = useTranslation();
  const openList = useAppStore((s) => s.openList);
  const navigate = useAppStore((s) => s.navigate);
  const actions = useAgreementActions();
  const newDialog = useDialog<NewSource>();
  const renameDialog = useDialog<AgreementSummary>();
  const purgeDialog = useDialog<AgreementSummary>();
  const inTrash = scope === 'trash';

  // Reload on every visit: the workshop may have changed progress or titles meanwhile.
  useEffect(() => openList(scope), [scope, openList]);

  const rowActions: AgreementRowActions = {
    // Back to the step the agreement was left on (remembered per agreement with the preferences).
    onOpen: (agreement) => navigate({ name: 'workshop', id: agreement.id, step: lastStepOf(useAppStore.getState(), agreement.id) }),
    onRename: renameDialog.open,
    onDuplicate: (agreement) => void actions.duplicate(agreement),
    onExport: (agreement) => void actions.exportSlaw(agreement),
    onTrash: (agreement) => void actions.trash(agreement),
  };
  const trashActions: TrashRowActions = {
    onRestore: (agreement) => void actions.restore(agreement),
    onPurge: purgeDialog.open,
  };

  return (
    <Container size="lg" py="md">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md">
          <div>
            <Title order={1} size="h2">
              {t(inTrash ? 'ui.trash.title' : 'ui.home.title')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t(inTrash ? 'ui.trash.subtitle' : 'ui.home.subtitle')}
            </Text>
          </div>
          {inTrash ? (
            <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate({ name: 'home' })}>
              {t('ui.trash.back')}
            </Button>
          ) : (
            <Group gap="xs" wrap="nowrap">
              <BackupsButton />
              <Button variant="subtle" color="gray" leftSection={<IconTrash size={16} />} onClick={() => navigate({ name: 'trash' })}>
                {t('ui.home.trash')}
              </Button>
            </Group>
          )}
        </Group>

        <Group justify="space-between" gap="sm" wrap="wrap">
          <SearchBox />
          {!inTrash && (
            <Group gap="sm">
              <ImportSlawButton onContent={actions.importSlaw} />
              <VerifyDocumentButton />
              <Button variant="light" leftSection={<IconSparkles size={16} />} onClick={() => newDialog.open('example')}>
                {t('ui.home.newExample')}
              </Button>
              <Button leftSection={<IconFilePlus size={16} />} onClick={() => newDialog.open('blank')}>
                {t('ui.home.newBlank')}
              </Button>
            </Group>
          )}
        </Group>

        <AgreementList
          label={t(inTrash ? 'ui.trash.title' : 'ui.home.title')}
          empty={inTrash ? <TrashEmpty /> : <EmptyHome onNew={newDialog.open} />}
          renderRow={(agreement) =>
            inTrash ? (
              <TrashRow key={agreement.id} agreement={agreement} actions={trashActions} />
            ) : (
              <AgreementRow key={agreement.id} agreement={agreement} actions={rowActions} />
            )
          }
        />
      </Stack>

      <NewAgreementModal dialog={newDialog} onCreate={actions.create} />
      <RenameModal dialog={renameDialog} onRename={actions.rename} />
      <ConfirmPurgeModal dialog={purgeDialog} onPurge={actions.purge} />
    </Container>
  );
}

function TrashEmpty() {
  const { t } = useTranslation();
  return (
    <Text ta="center" c="dimmed" py="xl">
      {t('ui.trash.empty')}
    </Text>
  );
}
