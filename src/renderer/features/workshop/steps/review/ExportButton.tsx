import { ActionIcon, Button, Group, Menu } from '@mantine/core';
import { IconChevronDown, IconFileTypeDocx } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../../shared/model/schema';
import { useExportDocument } from './useExportDocument';

/** "Export Word document" in the agreement's language, and the other language from the menu beside it. */
export function ExportButton({ language, primary }: { language: Language; primary: boolean }) {
  const { t } = useTranslation();
  const { exportDocument, busy } = useExportDocument();
  const others = LANGUAGES.filter((l) => l !== language);
  const variant = primary ? 'filled' : 'default';
  return (
    <Group gap={0} wrap="nowrap">
      <Button variant={variant} leftSection={<IconFileTypeDocx size={16} />} loading={busy} onClick={() => void exportDocument()} style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}>
        {t('steps.review.export.button')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant={variant} size={36} disabled={busy} aria-label={t('steps.review.export.other')} style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: primary ? '1px solid var(--mantine-color-indigo-5)' : 0 }}>
            <IconChevronDown size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {others.map((other) => (
            <Menu.Item key={other} leftSection={<IconFileTypeDocx size={14} />} onClick={() => void exportDocument(other)}>
              {t('steps.review.export.inLanguage', { language: t(`common.language.${other}`) })}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
