import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { DeviceNameSection } from './DeviceNameSection';
import { SigningKeysSection } from './SigningKeysSection';

/** Settings of this installation, set up once and outside the live session: signing keys and the device name. */
export function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  return (
    <Container size="md" py="md">
      <Stack gap="lg" component="main" aria-labelledby="settings-title">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate({ name: 'home' })} w="fit-content">
          {t('settings.back')}
        </Button>
        <Stack gap={4}>
          <Title order={1} id="settings-title">
            {t('settings.title')}
          </Title>
          <Text c="dimmed">{t('settings.intro')}</Text>
        </Stack>
        <SigningKeysSection />
        <DeviceNameSection />
      </Stack>
    </Container>
  );
}
