import { ActionIcon, Group, Kbd, Popover, Stack, Text, Title } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { HoverTooltip } from '../../components/HoverTooltip';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The workshop's keyboard shortcuts, one click away (facilitators drive the screen from the keyboard). */
export function ShortcutsButton() {
  const { t } = useTranslation();
  const mod = isMac ? '⌘' : 'Ctrl';
  const rows: [string, string[]][] = [
    [t('workshop.shortcuts.undo'), [mod, 'Z']],
    [t('workshop.shortcuts.redo'), [mod, 'Shift', 'Z']],
    [t('workshop.shortcuts.nextStep'), ['Alt', 'PageDown']],
    [t('workshop.shortcuts.previousStep'), ['Alt', 'PageUp']],
    [t('workshop.shortcuts.presentation'), isMac ? ['Ctrl', '⌘', 'F'] : ['F11']],
  ];
  return (
    <Popover position="bottom-end" withArrow shadow="md">
      {/* The tooltip outside the popover's target: the target's click, ref and aria attributes reach the button. */}
      <HoverTooltip label={t('workshop.shortcuts.title')}>
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('workshop.shortcuts.title')}>
            <IconKeyboard size={18} />
          </ActionIcon>
        </Popover.Target>
      </HoverTooltip>
      {/* Named by its heading rather than by the button (the dropdown's default). */}
      <Popover.Dropdown aria-labelledby="shortcuts-title">
        <Title order={3} size="h6" mb="xs" id="shortcuts-title">
          {t('workshop.shortcuts.title')}
        </Title>
        <Stack gap={6}>
          {rows.map(([label, keys]) => (
            <Group key={label} justify="space-between" gap="xl" wrap="nowrap">
              <Text size="sm">{label}</Text>
              <Group gap={4} wrap="nowrap">
                {keys.map((key) => (
                  <Kbd key={key} size="xs">
                    {key}
                  </Kbd>
                ))}
              </Group>
            </Group>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
