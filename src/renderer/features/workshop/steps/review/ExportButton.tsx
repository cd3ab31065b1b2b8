import { ActionIcon, Button, Group, Menu } from '@mantine/core';
import { IconCertificate, IconChevronDown, IconFileOff, IconFileTypeDocx, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../../shared/model/schema';
import { SealDialog } from './SealDialog';
import { useExportDocument } from './useExportDocument';

interface Props {
  language: Language;
  primary: boolean;
  /** Every signer has signed: the host seals the document with a digital signature unless told not to. */
  sealed: boolean;
  onKeySettings(): void;
}

/**
 * "Export Word document" in the agreement's language; the menu beside it exports in the other language,
 * lets the facilitator choose which organization's key seals it or export it without a seal (signed versions),
 * and opens the signing keys' settings.
 */
export function ExportButton({ language, primary, sealed, onKeySettings }: Props) {
  const { t } = useTranslation();
  const { exportDocument, chooseSeal, busy, sealDialog, answerSeal, cancelSeal, exportWithoutSeal } = useExportDocument();
  const others = LANGUAGES.filter((l) => l !== language);
  const variant = primary ? 'filled' : 'default';
  return (
    <Group gap={0} wrap="nowrap">
      <Button
        variant={variant}
        leftSection={<IconFileTypeDocx size={16} />}
        loading={busy}
        onClick={() => void exportDocument()}
        style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
      >
        {t('steps.review.export.button')}
      </Button>
      {/* No focus placeholder inside the menu: a focusable role="presentation" child is not a menu item (axe). */}
      <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <ActionIcon
            variant={variant}
            size={36}
            disabled={busy}
            aria-label={t('steps.review.export.other')}
            style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: primary ? '1px solid var(--mantine-color-indigo-5)' : 0 }}
          >
            <IconChevronDown size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {others.map((other) => (
            <Menu.Item key={other} leftSection={<IconFileTypeDocx size={14} />} onClick={() => void exportDocument({ language: other })}>
              {t('steps.review.export.inLanguage', { language: t(`common.language.${other}`) })}
            </Menu.Item>
          ))}
          {sealed && (
            <Menu.Item leftSection={<IconCertificate size={14} />} onClick={() => void chooseSeal()}>
              {t('steps.review.export.chooseSeal')}
            </Menu.Item>
          )}
          {sealed && (
            <Menu.Item leftSection={<IconFileOff size={14} />} onClick={() => void exportDocument({ digitalSignature: false })}>
              {t('steps.review.export.withoutSeal')}
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item leftSection={<IconSettings size={14} />} onClick={onKeySettings}>
            {t('steps.review.export.keySettings')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SealDialog state={sealDialog} onAnswer={answerSeal} onWithoutSeal={exportWithoutSeal} onCancel={cancelSeal} />
    </Group>
  );
}
