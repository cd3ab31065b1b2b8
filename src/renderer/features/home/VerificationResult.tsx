import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { groupedThumbprint, verifyProblemMessage, type DocumentVerification, type ExportAnchor, type SealSummary } from '../../../shared/document/verification';
import { shortFingerprint } from '../../../shared/signing/signers';
import { formatDateTime } from '../../lib/formatDate';
import { sealProblemMessage } from '../../../shared/i18n';

function sealLines(t: TFunction, seal: SealSummary, locale: string): string[] {
  if (seal.status === 'none') return [t('verify.seal.none')];
  const subject = seal.subject || t('verify.seal.unknownSubject');
  const lines =
    seal.status === 'valid'
      ? [
          t('verify.seal.valid', {
            subject,
            kind: seal.selfSigned ? t('verify.seal.selfSigned') : t('verify.seal.issued', { issuer: seal.issuer }),
            time: seal.signingTime && !Number.isNaN(Date.parse(seal.signingTime)) ? formatDateTime(seal.signingTime, locale) : (seal.signingTime ?? '?'),
            count: seal.references,
          }),
        ]
      : [t('verify.seal.invalid', { subject }), ...seal.problems.map((p) => sealProblemMessage(t, p.code, p.detail ?? ''))];
  if (seal.thumbprint) lines.push(t('verify.seal.thumbprint', { thumbprint: groupedThumbprint(seal.thumbprint) }));
  return lines;
}

function anchorLines(t: TFunction, anchor: ExportAnchor, locale: string): string[] {
  if (anchor.kind === 'exported') return [t('verify.anchor.exported', { date: formatDateTime(anchor.exportedAt, locale), version: anchor.version })];
  const { stored } = anchor;
  if (!stored) return [t('verify.anchor.notExported'), t('verify.anchor.noStored')];
  const fingerprint = t(stored.fingerprintEqual ? 'verify.anchor.fingerprintEqual' : 'verify.anchor.fingerprintDifferent');
  const signatures = t(stored.signaturesEqual ? 'verify.anchor.signaturesEqual' : 'verify.anchor.signaturesDifferent');
  return [
    t('verify.anchor.notExported'),
    t('verify.anchor.stored', { title: stored.title, version: stored.version, fingerprint, signatures }),
    ...(stored.exports > 0 ? [t('verify.anchor.otherExports', { count: stored.exports })] : []),
  ];
}

/** Whether this installation's record vouches for the file (see the CLI's verify for the same rule). */
const vouched = (anchor: ExportAnchor | null) =>
  anchor === null || anchor.kind === 'exported' || (anchor.stored !== null && anchor.stored.fingerprintEqual && anchor.stored.signaturesEqual);

/** What `document.verify` said about one file, in words: the verdict first, then the reasons. */
export function VerificationResult({ fileName, result }: { fileName: string; result: DocumentVerification }) {
  const { t, i18n } = useTranslation();
  if (result.status === 'unreadable') {
    return (
      <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('verify.dialog.cannotCheck')} data-testid="verify-verdict">
        {t(`verify.unreadable.${result.reason}`, { file: fileName })}
      </Alert>
    );
  }
  const consistent = result.status === 'match';
  const good = consistent && vouched(result.anchor);
  const signed = result.signatures.length;
  // Consistent in itself but not confirmed by this installation: a warning, not a failure.
  const color = good ? 'teal' : consistent ? 'orange' : 'red';
  const icon = good ? <IconCircleCheck size={18} /> : consistent ? <IconAlertTriangle size={18} /> : <IconCircleX size={18} />;
  return (
    <Stack gap="sm">
      <Alert
        color={color}
        icon={icon}
        title={good ? t('verify.dialog.match') : consistent ? t('verify.dialog.notVouched') : t('verify.dialog.mismatch', { count: result.problems.length })}
        data-testid="verify-verdict"
      >
        <Text size="sm">{t('verify.dialog.summary', { title: result.title, version: result.version, fingerprint: shortFingerprint(result.fingerprint) })}</Text>
        <Text size="sm">{t('verify.dialog.signers', { signed, count: result.signers })}</Text>
      </Alert>
      {result.problems.length > 0 && (
        <Section
          title={t('verify.dialog.differences')}
          lines={result.problems.map((p) => t(verifyProblemMessage(p).key, { replace: verifyProblemMessage(p).params }))}
        />
      )}
      <Section title={t('verify.dialog.seal')} lines={sealLines(t, result.seal, i18n.language)} />
      {result.anchor && <Section title={t('verify.dialog.anchor')} lines={anchorLines(t, result.anchor, i18n.language)} />}
      {result.rules === 1 && (
        <Text size="sm" c="dimmed">
          {t('verify.rules.v1')}
        </Text>
      )}
    </Stack>
  );
}

function Section({ title, lines }: { title: string; lines: string[] }) {
  return (
    <section>
      <Title order={3} size="h5" mb={4}>
        {title}
      </Title>
      <List size="sm" spacing={2}>
        {lines.map((line, i) => (
          <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
            {line}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
