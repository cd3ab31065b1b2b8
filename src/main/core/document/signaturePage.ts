import { BorderStyle, ImageRun, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { shortFingerprint } from '../../../shared/signing/signers';
import { majorHeading } from './headings';
import type { DocumentModel, SignatureImage, SignerEntry } from './model';
import { STYLE } from './styles';
import { columnWidths } from './tables';
import { paragraphs, run } from './text';
import { COLOR, PAGE } from './theme';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
/** The drawn signature is fitted into this box (pixels at 96 dpi), keeping its proportions. */
const BOX = { width: 220, height: 72 };
/** Height of the signing area above the line, in twips: the same whether a picture is there or not. */
const AREA = 1250;

function fit(image: SignatureImage): { width: number; height: number } {
  const scale = Math.min(BOX.width / image.width, BOX.height / image.height, 1.5);
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

function signerBlock(model: DocumentModel, entry: SignerEntry, width: number): TableCell {
  const { t, f } = model;
  const { participant, signature, image } = entry;
  const name = signature?.name || participant.name;
  const jobTitle = signature?.jobTitle || participant.jobTitle;
  const area = image
    ? new Paragraph({
        spacing: { before: 0, after: 40, line: AREA, lineRule: LineRuleType.AT_LEAST },
        children: [new ImageRun({ type: 'png', data: image.bytes, transformation: fit(image), altText: { name: t('document.signatures.imageAlt', { name }), description: t('document.signatures.imageAlt', { name }), title: name } })],
      })
    : new Paragraph({ spacing: { before: 0, after: 40, line: AREA, lineRule: LineRuleType.AT_LEAST }, children: [] });
  const teamRole = t('document.signatures.teamRole', { team: t(`common.teams.${participant.team}`), role: t(`steps.participants.roles.${participant.role}`) });
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 120, bottom: 360, left: 0, right: 360 },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
    children: [
      area,
      new Paragraph({
        border: { top: { style: BorderStyle.SINGLE, size: 8, color: COLOR.text, space: 6 } },
        spacing: { after: 20 },
        keepNext: true,
        children: [run(name, { bold: true })],
      }),
      ...paragraphs(jobTitle || '—', { style: STYLE.tableText, keepNext: true }),
      ...paragraphs(teamRole, { style: STYLE.small, keepNext: true }),
      signature
        ? new Paragraph({ style: STYLE.small, children: [run(t('document.signatures.signedOn', { date: f.dateTime(signature.signedAt) }))] })
        : new Paragraph({ style: STYLE.small, children: [run(t('document.signatures.pending'), { color: COLOR.draft, italics: true })] }),
    ],
  });
}

/** One block per required signer, two to a row: the drawn signature over a line, then name, title, team and date. */
export function signaturePage(model: DocumentModel): (Paragraph | Table)[] {
  const { t } = model;
  const intro =
    model.phase === 'draft'
      ? t('document.signatures.introDraft')
      : t('document.signatures.intro', { version: model.agreement.meta.version, fingerprint: shortFingerprint(model.fingerprint) });
  const heading = majorHeading({ id: 'signatures', number: null, text: t('document.headings.signatures'), pageBreakBefore: true });
  if (model.signers.length === 0) return [heading, ...paragraphs(t('document.signatures.none'), { style: STYLE.note })];
  const w = columnWidths(2, [1, 1], PAGE.textWidth);
  const rows: TableRow[] = [];
  for (let i = 0; i < model.signers.length; i += 2) {
    const pair = model.signers.slice(i, i + 2);
    const cells = pair.map((entry, j) => signerBlock(model, entry, w[j] ?? 0));
    if (cells.length === 1) cells.push(new TableCell({ width: { size: w[1] ?? 0, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, children: [new Paragraph({ children: [] })] }));
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  return [
    heading,
    ...paragraphs(intro, { spacing: { after: 360 } }),
    new Table({ width: { size: PAGE.textWidth, type: WidthType.DXA }, columnWidths: w, layout: TableLayoutType.FIXED, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE }, rows }),
  ];
}
