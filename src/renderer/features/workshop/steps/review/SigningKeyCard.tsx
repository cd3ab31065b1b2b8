import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCertificate } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentitySummaryDto, KeyStatus } from '../../../../../shared/api/contract';
import type { ApiError } from '../../../../../shared/api/errors';
import { describeError } from '../../../../../shared/i18n';
import { api } from '../../../../api/apiClient';
import { certificateName } from './certificateFile';
import { ImportCertificateForm } from './ImportCertificateForm';
import { noticeSuccess } from './notices';

type Loaded = { state: 'loading' } | { state: 'ready'; status: KeyStatus } | { state: 'failed'; error: ApiError };

/**
 * "Digital signature…": who this computer's key signs as (name, self-signed or issued by whom, valid until,
 * where it came from, how it is protected), and the import of an organization certificate in its place.
 */
export function SigningKeyPanel({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'overview' | 'import'>('overview');
  const close = () => {
    setView('overview');
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={view === 'import' ? t('steps.review.importCertificate.title') : t('steps.review.keyCard.title')}
      size={560}
      centered
      closeButtonProps={{ 'aria-label': t('steps.review.keyCard.close') }}
    >
      <PanelBody view={view} onView={setView} onClose={close} />
    </Modal>
  );
}

function PanelBody({ view, onView, onClose }: { view: 'overview' | 'import'; onView(view: 'overview' | 'import'): void; onClose(): void }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    void api()
      .send('signingKey.status', {})
      .then((result) => {
        if (current) setLoaded(result.ok ? { state: 'ready', status: result.value } : { state: 'failed', error: result.error });
      });
    return () => {
      current = false;
    };
  }, [attempt]);

  if (view === 'import' && loaded.state === 'ready') {
    return (
      <ImportCertificateForm
        status={loaded.status}
        submitLabel={t('steps.review.importCertificate.submit')}
        onBack={() => onView('overview')}
        onImported={(status) => {
          setLoaded({ state: 'ready', status });
          onView('overview');
          if (status.identity) noticeSuccess(t, t('steps.review.keyCard.imported', { name: certificateName(status.identity.subject) }));
        }}
      />
    );
  }
  return (
    <Stack gap="md" data-testid="signing-key-card">
      <Text size="sm">{t('steps.review.keyCard.intro')}</Text>
      {loaded.state === 'loading' && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('steps.review.keyCard.loading')}
          </Text>
        </Group>
      )}
      {loaded.state === 'failed' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('steps.review.keyCard.loadFailed')} role="alert">
          <Stack gap="xs" align="flex-start">
            <span>{describeError(t, loaded.error)}</span>
            <Button size="xs" variant="default" onClick={() => setAttempt((n) => n + 1)}>
              {t('ui.common.retry')}
            </Button>
          </Stack>
        </Alert>
      )}
      {loaded.state === 'ready' && (loaded.status.identity ? <IdentityDetails status={loaded.status} identity={loaded.status.identity} /> : <Text size="sm">{t('steps.review.keyCard.none')}</Text>)}
      <Group justify="space-between" gap="sm">
        <Button variant="light" leftSection={<IconCertificate size={16} />} onClick={() => onView('import')} disabled={loaded.state !== 'ready'} data-autofocus>
          {t('steps.review.keyCard.import')}
        </Button>
        <Button variant="default" onClick={onClose}>
          {t('steps.review.keyCard.close')}
        </Button>
      </Group>
    </Stack>
  );
}

function IdentityDetails({ status, identity }: { status: KeyStatus; identity: IdentitySummaryDto }) {
  const { t, i18n } = useTranslation();
  const until = new Date(identity.notAfter);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full' }).format(until);
  const expired = until.getTime() < Date.now();
  const protection = status.protection === 'safeStorage' ? 'safeStorage' : status.unlocked ? 'passphraseOpen' : 'passphraseLocked';
  const rows: [string, ReactNode][] = [
    [
      t('steps.review.keyCard.signer'),
      <>
        <Text size="sm" fw={600} data-testid="key-signer">
          {certificateName(identity.subject)}
        </Text>
        <Text size="xs" c="dimmed" className="key-dn">
          {identity.subject}
        </Text>
      </>,
    ],
    [t('steps.review.keyCard.certificate'), <Text size="sm">{identity.selfSigned ? t('steps.review.keyCard.selfSigned') : t('steps.review.keyCard.issuedBy', { issuer: certificateName(identity.issuer) })}</Text>],
    [
      t('steps.review.keyCard.validUntil'),
      <Text size="sm" c={expired ? 'red.8' : undefined} fw={expired ? 600 : undefined}>
        {expired ? t('steps.review.keyCard.expired', { date }) : date}
      </Text>,
    ],
    [t('steps.review.keyCard.source'), <Text size="sm">{t(`steps.review.keyCard.sources.${identity.source}`)}</Text>],
    [t('steps.review.keyCard.protection'), <Text size="sm">{t(`steps.review.keyCard.protections.${protection}`)}</Text>],
  ];
  return (
    <dl className="key-details" data-testid="key-details" data-self-signed={identity.selfSigned} data-source={identity.source}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
