import { ActionIcon, Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCertificate, IconKey, IconLock, IconLockOpen, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SigningKeyDto, SigningKeysDto } from '../../../shared/api/keysAndSettings';
import { describeError, type TranslationKey } from '../../../shared/i18n';
import { showNotification } from '../../lib/notify';
import { useDialog } from '../home/useDialog';
import { KeyDescription } from '../signingKeys/KeyDescription';
import { passphraseNeed } from '../signingKeys/signingKeyForm';
import { CreateKeyModal } from './CreateKeyModal';
import { ImportKeyModal } from './ImportKeyModal';
import { RemoveKeyModal } from './RemoveKeyModal';
import { UnlockKeysForm } from './UnlockKeysForm';
import { useSigningKeys } from './useSigningKeys';

function protectionText(keys: SigningKeysDto): TranslationKey {
  if (keys.protection === 'safeStorage') return 'settings.keys.protection.keychain';
  if (keys.unlocked) return 'settings.keys.protection.open';
  return keys.passphraseSet ? 'settings.keys.protection.locked' : 'settings.keys.protection.new';
}

function KeyState({ signingKey, keys }: { signingKey: SigningKeyDto; keys: SigningKeysDto }) {
  const { t } = useTranslation();
  if (signingKey.protection !== keys.protection)
    return (
      <Badge color="gray" variant="light">
        {t('settings.keys.state.other')}
      </Badge>
    );
  return signingKey.unlocked ? (
    <Badge color="teal" variant="light" leftSection={<IconLockOpen size={12} />}>
      {t('settings.keys.state.open')}
    </Badge>
  ) : (
    <Badge color="gray" variant="light" leftSection={<IconLock size={12} />}>
      {t('settings.keys.state.locked')}
    </Badge>
  );
}

/**
 * The signing keys, one per client organization: how they are protected (and the passphrase, once per session),
 * the list by organization, and creating, importing and removing keys — all before the workshop.
 */
export function SigningKeysSection() {
  const { t } = useTranslation();
  const { loaded, reload, set } = useSigningKeys();
  const createDialog = useDialog<true>();
  const importDialog = useDialog<true>();
  const removeDialog = useDialog<SigningKeyDto>();
  const keys = loaded.state === 'ready' ? loaded.keys : null;
  const need = keys ? passphraseNeed(keys) : 'none';
  const added = (messageKey: TranslationKey) => (key: SigningKeyDto) => {
    createDialog.close();
    importDialog.close();
    reload();
    showNotification({ color: 'teal', message: t(messageKey, { organization: key.organization }), autoClose: 6_000 });
  };

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="settings-keys-title" data-testid="settings-keys">
      <Stack gap="md">
        <Group gap="sm">
          <IconCertificate size={22} aria-hidden />
          <Title order={2} size="h3" id="settings-keys-title">
            {t('settings.keys.title')}
          </Title>
        </Group>
        <Text size="sm">{t('settings.keys.intro')}</Text>
        {loaded.state === 'loading' && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('settings.keys.loading')}
            </Text>
          </Group>
        )}
        {loaded.state === 'failed' && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('settings.keys.loadFailed')} role="alert">
            <Stack gap="xs" align="flex-start">
              <span>{describeError(t, loaded.error)}</span>
              <Button size="xs" variant="default" onClick={reload}>
                {t('ui.common.retry')}
              </Button>
            </Stack>
          </Alert>
        )}
        {keys && (
          <>
            <Text size="sm" fw={500} data-testid="keys-protection" data-unlocked={keys.unlocked}>
              {t(protectionText(keys))}
            </Text>
            {need === 'current' && <UnlockKeysForm onUnlocked={set} />}
            {keys.keys.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('settings.keys.none')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="sm" aria-label={t('settings.keys.listLabel')} data-testid="keys-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('settings.keys.columns.organization')}</Table.Th>
                      <Table.Th>{t('settings.keys.columns.certificate')}</Table.Th>
                      <Table.Th>{t('settings.keys.columns.state')}</Table.Th>
                      <Table.Th>{t('settings.keys.columns.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {keys.keys.map((key) => (
                      <Table.Tr key={key.id} data-testid="key-row" data-organization={key.organization}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {key.organization}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t(`settings.keys.sources.${key.source}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            <KeyDescription signingKey={key} />
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <KeyState signingKey={key} keys={keys} />
                        </Table.Td>
                        <Table.Td>
                          <Tooltip label={t('settings.keys.remove', { organization: key.organization })}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('settings.keys.remove', { organization: key.organization })}
                              onClick={() => removeDialog.open(key)}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Group gap="sm">
              <Button leftSection={<IconKey size={16} />} onClick={() => createDialog.open(true)}>
                {t('settings.keys.create')}
              </Button>
              <Button variant="default" leftSection={<IconCertificate size={16} />} onClick={() => importDialog.open(true)}>
                {t('settings.keys.import')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <CreateKeyModal
        opened={createDialog.opened}
        formKey={createDialog.formKey}
        need={need}
        onClose={createDialog.close}
        onCreated={added('settings.keys.created')}
      />
      <ImportKeyModal
        opened={importDialog.opened}
        formKey={importDialog.formKey}
        need={need}
        onClose={importDialog.close}
        onImported={added('settings.keys.imported')}
      />
      <RemoveKeyModal
        signingKey={removeDialog.value}
        opened={removeDialog.opened}
        onClose={removeDialog.close}
        onRemoved={(next, removed) => {
          removeDialog.close();
          set(next);
          showNotification({ color: 'teal', message: t('settings.keys.removed', { organization: removed.organization }), autoClose: 6_000 });
        }}
      />
    </Paper>
  );
}
