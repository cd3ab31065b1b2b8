import { Alert, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceLaptop, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import { DEVICE_NAME_MAX } from '../../../shared/api/keysAndSettings';
import { describeError } from '../../../shared/i18n';
import { api } from '../../api/apiClient';
import { showNotification } from '../../lib/notify';

/**
 * The readable name recorded with every signature made here ("Meeting-room laptop"), set once per
 * installation; until then signatures record a generic "This laptop" in the agreement's language.
 */
export function DeviceNameSection() {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [stored, setStored] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const generic = t('common.device.default');

  useEffect(() => {
    let current = true;
    void api()
      .send('settings.get', {})
      .then((result) => {
        if (!current) return;
        if (result.ok) {
          setLoadError(null);
          setStored(result.value.deviceName);
          setValue(result.value.deviceName ?? '');
        } else setLoadError(result.error);
      });
    return () => {
      current = false;
    };
  }, [attempt]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const name = value.trim().replace(/\s+/g, ' ');
    if (name.length > DEVICE_NAME_MAX) {
      setError(t('settings.device.tooLong', { max: DEVICE_NAME_MAX }));
      return;
    }
    setBusy(true);
    const result = await api().send('settings.update', { deviceName: name || null });
    setBusy(false);
    if (!result.ok) {
      setError(describeError(t, result.error));
      return;
    }
    setStored(result.value.deviceName);
    setValue(result.value.deviceName ?? '');
    showNotification({
      color: 'teal',
      message: result.value.deviceName ? t('settings.device.saved', { name: result.value.deviceName }) : t('settings.device.cleared', { name: generic }),
      autoClose: 6_000,
    });
  }

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="settings-device-title" data-testid="settings-device">
      <Stack gap="md">
        <Group gap="sm">
          <IconDeviceLaptop size={22} aria-hidden />
          <Title order={2} size="h3" id="settings-device-title">
            {t('settings.device.title')}
          </Title>
        </Group>
        {loadError ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('settings.device.loadFailed')} role="alert">
            <Stack gap="xs" align="flex-start">
              <span>{describeError(t, loadError)}</span>
              <Button size="xs" variant="default" onClick={() => setAttempt((n) => n + 1)}>
                {t('ui.common.retry')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={t('settings.device.label')}
                description={t('settings.device.hint', { name: generic })}
                placeholder={t('settings.device.placeholder')}
                value={value}
                maxLength={DEVICE_NAME_MAX}
                onChange={(event) => {
                  setValue(event.currentTarget.value);
                  setError(null);
                }}
                error={error ?? undefined}
                style={{ flex: '1 1 320px' }}
                data-testid="device-name"
              />
              <Button type="submit" variant="default" leftSection={<IconDeviceFloppy size={16} />} loading={busy} disabled={value.trim() === (stored ?? '')}>
                {t('settings.device.save')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
