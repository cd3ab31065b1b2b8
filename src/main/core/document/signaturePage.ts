import { BorderStyle, ImageRun, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { shortFingerprint } from '../../../shared/signing/signers';
import { majorHeading } from './headings';
import type { Participant } from '../../../shared/model/schema';
import type { DocumentModel, SignatureImage, SignerEntry } from './model';
import { fixedAtom, headingAtom, textAtoms, type Atom } from './pagination';
import { STYLE } from './styles';
import { columnWidths } from './tables';
import { paragraphs, run } from './text';
import { lineCount, lineHeight } from './textMetrics';
import { COLOR, PAGE, SIZE } from './theme';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
/** The drawn signature is fitted into this box (pixels at 96 dpi), keeping its proportions. */
const BOX = { width: 220, height: 72 };
/** Height of the signing area above the line, in twips: the same whether a picture is there or not. */
const AREA = 1250;

function fit(image: SignatureImage): { width: number; height: number } {
  const scale = Math.min(BOX.width / image.width, BOX.height / image.height, 1.5);
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

/** In what capacity a participant signs: leaders for their team, members and the facilitator as witnesses. */
export function signingCapacity(model: DocumentModel, participant: Participant): string {
  const { t } = model;
  if (participant.role === 'facilitator') return t('document.signatures.capacity.facilitator');
  const team = participant.team === 'other' ? null : t(`common.teams.${participant.team}`);
  if (participant.role === 'leader') return team ? t('document.signatures.capacity.leader', { team }) : t('document.signatures.capacity.leaderOther');
  return team ? t('document.signatures.capacity.member', { team }) : t('document.signatures.capacity.memberOther');
}

/** What a signer's block shows under the line: the name and job title signed with, when there is a signature. */
function signerLines(model: DocumentModel, entry: SignerEntry): { name: string; jobTitle: string; capacity: string } {
  const { participant, signature } = entry;
  return {
    name: signature?.name || participant.name,
    jobTitle: signature?.jobTitle || participant.jobTitle || '—',
    capacity: signingCapacity(model, participant),
  };
}

function signerBlock(model: DocumentModel, entry: SignerEntry, width: number): TableCell {
  const { t, f } = model;
  const { signature, image } = entry;
  const { name, jobTitle, capacity } = signerLines(model, entry);
  const area = image
    ? new Paragraph({
        spacing: { before: 0, after: 40, line: AREA, lineRule: LineRuleType.AT_LEAST },
        children: [
          new ImageRun({
            type: 'png',
            data: image.bytes,
            transformation: fit(image),
            altText: { name: t('document.signatures.imageAlt', { name }), description: t('document.signatures.imageAlt', { name }), title: name },
          }),
        ],
      })
    : new Paragraph({ spacing: { before: 0, after: 40, line: AREA, lineRule: LineRuleType.AT_LEAST }, children: [] });
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
      ...paragraphs(jobTitle, { style: STYLE.tableText, keepNext: true }),
      ...paragraphs(capacity, { style: STYLE.small, keepNext: true }),
      signature
        ? new Paragraph({ style: STYLE.small, keepNext: true, children: [run(t('document.signatures.signedOn', { date: f.dateTime(signature.signedAt) }))] })
        : new Paragraph({ style: STYLE.small, keepNext: true, children: [run(t('document.signatures.pending'), { color: COLOR.draft, italics: true })] }),
      // For copies printed and signed by hand: where and when each one signed.
      new Paragraph({ style: STYLE.small, spacing: { before: 160 }, children: [run(t('document.signatures.placeDate'))] }),
    ],
  });
}

function signaturesIntro(model: DocumentModel): string {
  const { t } = model;
  return model.phase === 'draft'
    ? t('document.signatures.introDraft')
    : t('document.signatures.intro', { version: model.agreement.meta.version, fingerprint: shortFingerprint(model.fingerprint) });
}

const CELL_WIDTH = PAGE.textWidth / 2 - 360;

/** The signatures page for the page plan: a row's height is that of its taller block. */
export function signatureAtoms(model: DocumentModel): Atom[] {
  const small = lineHeight(SIZE.small / 2, 1.15) + 60;
  const blockHeight = (entry: SignerEntry): number => {
    const { jobTitle, capacity } = signerLines(model, entry);
    const lines = (text: string, size: number) => lineCount(text, CELL_WIDTH, size / 2);
    return (
      120 +
      360 +
      AREA +
      40 +
      lineHeight(SIZE.body / 2, 1.15) +
      20 +
      140 +
      lines(jobTitle, SIZE.table) * (lineHeight(SIZE.table / 2, 1.05) + 40) +
      lines(capacity, SIZE.small) * small +
      small * 2 +
      160
    );
  };
  const rows: Atom[] = [];
  for (let i = 0; i < model.signers.length; i += 2) rows.push(fixedAtom(Math.max(...model.signers.slice(i, i + 2).map(blockHeight))));
  return [
    headingAtom(model.t('document.headings.signatures'), 1),
    ...(rows.length > 0 ? textAtoms(signaturesIntro(model), { after: 360 }) : textAtoms(model.t('document.signatures.none'))),
    ...rows,
  ];
}

/** One block per required signer, two to a row: the drawn signature over a line, then name, title, team and date. */
export function signaturePage(model: DocumentModel): (Paragraph | Table)[] {
  const { t } = model;
  const heading = majorHeading({ id: 'signatures', number: null, text: t('document.headings.signatures'), pageBreakBefore: true });
  const intro = signaturesIntro(model);
  if (model.signers.length === 0) return [heading, ...paragraphs(t('document.signatures.none'), { style: STYLE.note })];
  const w = columnWidths(2, [1, 1], PAGE.textWidth);
  const rows: TableRow[] = [];
  for (let i = 0; i < model.signers.length; i += 2) {
    const pair = model.signers.slice(i, i + 2);
    const cells = pair.map((entry, j) => signerBlock(model, entry, w[j] ?? 0));
    if (cells.length === 1)
      cells.push(
        new TableCell({
          width: { size: w[1] ?? 0, type: WidthType.DXA },
          borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
          children: [new Paragraph({ children: [] })],
        }),
      );
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  return [
    heading,
    ...paragraphs(intro, { spacing: { after: 360 } }),
    new Table({
      width: { size: PAGE.textWidth, type: WidthType.DXA },
      columnWidths: w,
      layout: TableLayoutType.FIXED,
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
      rows,
    }),
  ];
}
