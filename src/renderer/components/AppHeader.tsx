import { Button, Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconHeartHandshake, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/appStore';
import { LanguageSwitch } from './LanguageSwitch';

export function AppHeader() {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  const current = useAppStore((s) => s.route.name);
  return (
    <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
      <UnstyledButton onClick={() => navigate({ name: 'home' })} aria-label={t('ui.header.home')}>
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={34} radius="md" variant="gradient" gradient={{ from: 'indigo.7', to: 'cyan.6', deg: 135 }} aria-hidden>
            <IconHeartHandshake size={20} stroke={1.8} />
          </ThemeIcon>
          <Text fw={700} size="lg">
            {t('common.appName')}
          </Text>
        </Group>
      </UnstyledButton>
      <Group gap="sm" wrap="nowrap">
        <Button
          variant={current === 'settings' ? 'light' : 'subtle'}
          color="gray"
          leftSection={<IconSettings size={18} />}
          onClick={() => navigate({ name: 'settings' })}
          aria-current={current === 'settings' ? 'page' : undefined}
          data-testid="open-settings"
        >
          {t('settings.open')}
        </Button>
        <LanguageSwitch />
      </Group>
    </Group>
  );
}
