import { HeadingLevel, Paragraph, type Table } from 'docx';
import { shortFingerprint } from '../../../shared/signing/signers';
import { majorHeading } from './headings';
import type { DocumentModel } from './model';
import { fixedAtom, headingAtom, tableAtoms, textAtoms, type Atom } from './pagination';
import { STYLE } from './styles';
import { afterTable, dataTable } from './tables';
import { paragraphs, run } from './text';
import type { KeysUnder } from '../../../shared/i18n';
import { lineHeight } from './textMetrics';
import { SIZE } from './theme';

/** The full fingerprint (or thumbprint) in groups of four, for reading aloud or comparing by eye. */
export const groupedFingerprint = (fingerprint: string): string => (fingerprint.match(/.{1,4}/g) ?? []).join(' ');

/** Room for device names and e-mail-like host names: no column is so narrow that a word breaks inside. */
const COLUMN_WIDTHS = [17, 17, 22, 24, 20];

type RecordItem =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string; small?: boolean }
  | { kind: 'code'; text: string }
  | { kind: 'table'; columns: string[]; rows: string[][] };

/**
 * What the record states, in order: who signed when and on which device, the content's fingerprint (none for a
 * draft, as on the cover), the package seal and its certificate, and how the file can be checked.
 */
function recordItems(model: DocumentModel): RecordItem[] {
  const { t, f } = model;
  const c = (key: KeysUnder<'document.record.columns'>) => t(`document.record.columns.${key}`);
  const rows = model.signers.flatMap(({ participant, signature }) =>
    signature
      ? [
          [
            signature.name || participant.name,
            signature.jobTitle || participant.jobTitle || '—',
            f.dateTime(signature.signedAt),
            signature.device || '—',
            shortFingerprint(signature.fingerprint),
          ],
        ]
      : [],
  );
  return [
    { kind: 'text', text: t('document.record.intro') },
    rows.length > 0
      ? { kind: 'table', columns: [c('signer'), c('role'), c('signedAt'), c('device'), c('fingerprint')], rows }
      : { kind: 'text', text: t('document.record.none') },
    { kind: 'heading', text: t('document.record.fingerprintTitle') },
    ...(model.phase === 'draft'
      ? [{ kind: 'text', text: t('document.record.draftFingerprint') } as const]
      : [{ kind: 'text', text: t('document.record.fingerprintText') } as const, { kind: 'code', text: groupedFingerprint(model.fingerprint) } as const]),
    { kind: 'heading', text: t('document.record.sealTitle') },
    ...(model.seal
      ? [
          { kind: 'text', text: t('document.record.sealed', { subject: model.seal.subject }) } as const,
          { kind: 'code', text: groupedFingerprint(model.seal.thumbprint) } as const,
        ]
      : [{ kind: 'text', text: t('document.record.notSealed') } as const]),
    { kind: 'heading', text: t('document.record.verifyTitle') },
    { kind: 'text', text: t('document.record.verifyText') },
    { kind: 'text', text: t('document.record.exported', { date: f.today(model.now), version: model.appVersion }), small: true },
  ];
}

/** The signature record as a legal record of the signing. */
export function signatureRecordPage(model: DocumentModel): (Paragraph | Table)[] {
  const body = recordItems(model).flatMap((item): (Paragraph | Table)[] => {
    switch (item.kind) {
      case 'heading':
        return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(item.text)] })];
      case 'text':
        return item.small ? paragraphs(item.text, { style: STYLE.small, spacing: { before: 240 } }) : paragraphs(item.text);
      case 'code':
        return [new Paragraph({ style: STYLE.mono, children: [run(item.text)] })];
      case 'table':
        return [dataTable({ columns: item.columns, rows: item.rows, widths: COLUMN_WIDTHS }), afterTable()];
    }
  });
  return [majorHeading({ id: 'record', number: null, text: model.t('document.headings.record'), pageBreakBefore: true }), ...body];
}

/** The record page for the page plan. */
export function recordAtoms(model: DocumentModel): Atom[] {
  return [
    headingAtom(model.t('document.headings.record'), 1),
    ...recordItems(model).flatMap((item): Atom[] => {
      switch (item.kind) {
        case 'heading':
          return [headingAtom(item.text, 2)];
        case 'text':
          return item.small ? textAtoms(item.text, { size: SIZE.small / 2, before: 240, after: 60 }) : textAtoms(item.text);
        case 'code':
          return [fixedAtom(lineHeight(SIZE.table / 2, 1.15) + 80)];
        case 'table':
          return tableAtoms(item.columns, item.rows, COLUMN_WIDTHS);
      }
    }),
  ];
}
