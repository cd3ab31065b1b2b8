import { Alert, Button, Center, Container, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft } from '@tabler/icons-react';
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/i18n';
import { useAppStore } from '../../store/appStore';
import type { WorkshopStep } from '../../store/route';
import { WorkshopLayout } from './WorkshopLayout';

/** Opens one agreement for the workshop; loading and failure states before the layout. */
export function WorkshopPage({ id, step }: { id: string; step: WorkshopStep }) {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  const load = useAppStore((s) => s.workshopLoad);
  const ready = useAppStore((s) => s.session?.id === id);
  const openWorkshop = useAppStore((s) => s.openWorkshop);
  const closeWorkshop = useAppStore((s) => s.closeWorkshop);

  // Layout effects, not passive ones: the request leaves as soon as the route is committed instead of after the
  // next paint (a frame sooner on screen). Both kinds alike, so switching agreements still closes the old
  // session before the new one opens (a passive close would run after the new open and drop its load).
  useLayoutEffect(() => {
    void openWorkshop(id);
  }, [id, openWorkshop]);
  useLayoutEffect(() => () => closeWorkshop(), [closeWorkshop]);

  if (ready) return <WorkshopLayout id={id} step={step} />;

  const back = (
    <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate({ name: 'home' })} w="fit-content">
      {t('ui.workshop.back')}
    </Button>
  );
  if (load.status === 'failed' && load.error && load.id === id) {
    const notFound = load.error.kind === 'not_found';
    return (
      <Container size="sm" py="xl">
        <Stack gap="md">
          {back}
          <Alert
            color={notFound ? 'gray' : 'red'}
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t(notFound ? 'ui.workshop.notFoundTitle' : 'ui.workshop.loadFailed')}
          >
            <Text size="sm">{notFound ? t('ui.workshop.notFoundBody') : describeError(t, load.error)}</Text>
            {!notFound && (
              <Button size="xs" variant="white" color="red" mt="sm" onClick={() => void openWorkshop(id)}>
                {t('ui.common.retry')}
              </Button>
            )}
          </Alert>
        </Stack>
      </Container>
    );
  }
  return (
    <Center py={96}>
      <Loader aria-label={t('ui.workshop.loading')} />
    </Center>
  );
}
