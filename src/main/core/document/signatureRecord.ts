import { HeadingLevel, Paragraph, type Table } from 'docx';
import { shortFingerprint } from '../../../shared/signing/signers';
import { majorHeading } from './headings';
import type { DocumentModel } from './model';
import { STYLE } from './styles';
import { afterTable, dataTable } from './tables';
import { paragraphs, run } from './text';
import type { KeysUnder } from '../../../shared/i18n';

/** The full fingerprint in groups of four, for reading aloud or comparing by eye. */
export const groupedFingerprint = (fingerprint: string): string => (fingerprint.match(/.{1,4}/g) ?? []).join(' ');

/** Who signed when and where, the full fingerprint, and how anyone can check the file later. */
export function signatureRecordPage(model: DocumentModel): (Paragraph | Table)[] {
  const { t, f } = model;
  const signed = model.signers.filter((s) => s.signature !== null);
  const c = (key: KeysUnder<'document.record.columns'>) => t(`document.record.columns.${key}`);
  const rows = signed.map(({ participant, signature }) => [
    signature?.name || participant.name,
    signature?.jobTitle || participant.jobTitle || '—',
    signature ? f.dateTime(signature.signedAt) : '',
    signature?.device || '—',
    signature ? shortFingerprint(signature.fingerprint) : '',
  ]);
  const subheading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(text)] });
  return [
    majorHeading({ id: 'record', number: null, text: t('document.headings.record'), pageBreakBefore: true }),
    ...paragraphs(t('document.record.intro')),
    ...(rows.length > 0
      ? [dataTable({ columns: [c('signer'), c('role'), c('signedAt'), c('device'), c('fingerprint')], rows, widths: [17, 19, 27, 17, 20] }), afterTable()]
      : paragraphs(t('document.record.none'), { style: STYLE.note })),
    subheading(t('document.record.fingerprintTitle')),
    ...paragraphs(t('document.record.fingerprintText')),
    new Paragraph({ style: STYLE.mono, children: [run(groupedFingerprint(model.fingerprint))] }),
    subheading(t('document.record.verifyTitle')),
    ...paragraphs(t('document.record.verifyText')),
    new Paragraph({ style: STYLE.mono, children: [run(t('document.record.verifyCommand', { file: model.fileName }))] }),
    ...paragraphs(t('document.record.exported', { date: f.today(model.now), version: model.appVersion }), { style: STYLE.small, spacing: { before: 240 } }),
  ];
}
