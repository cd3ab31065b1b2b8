import { BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { shortFingerprint } from '../../../shared/signing/signers';
import { draftMark, statusText, type DocumentModel } from './model';
import { blockAtoms, fixedAtom, textAtoms, type Atom } from './pagination';
import { STYLE } from './styles';
import { columnWidths } from './tables';
import { paragraphs, run } from './text';
import { COLOR, PAGE, SIZE } from './theme';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const RULE = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule } as const;

function factsTable(rows: { label: string; value: string; color?: string }[]): Table {
  const w = columnWidths(2, [30, 70]);
  return new Table({
    width: { size: PAGE.textWidth, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: NONE, right: NONE, insideHorizontal: RULE, insideVertical: NONE },
    rows: rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: w[0] ?? 0, type: WidthType.DXA },
              margins: { top: 90, bottom: 90, left: 0, right: 120 },
              children: paragraphs(r.label, { style: STYLE.fieldLabel }),
            }),
            new TableCell({
              width: { size: w[1] ?? 0, type: WidthType.DXA },
              margins: { top: 90, bottom: 90, left: 120, right: 0 },
              children: paragraphs(r.value, { style: STYLE.tableText }, r.color ? { color: r.color, bold: true } : {}),
            }),
          ],
        }),
    ),
  });
}

function coverFacts(model: DocumentModel): { label: string; value: string; color?: string }[] {
  const { t, f, agreement } = model;
  const { meta } = agreement;
  const version = meta.amendsId ? `${meta.version} · ${t('document.cover.amends', { version: Math.max(1, meta.version - 1) })}` : String(meta.version);
  // The name and job title the signer signed with, when they differ from the participant's (they are what was signed).
  const signatories = model.signers.map(({ participant, signature }) => {
    const name = signature?.name || participant.name;
    const jobTitle = (signature?.jobTitle || participant.jobTitle).trim();
    return jobTitle ? `${name}, ${jobTitle}` : name;
  });
  return [
    { label: t('document.cover.version'), value: version },
    { label: t('document.cover.status'), value: statusText(model), color: model.phase === 'signed' ? COLOR.accent : COLOR.draft },
    // The date the agreement takes effect, not the day the file was made (that is on the record page).
    { label: t('document.cover.effectiveDate'), value: agreement.terms.effectiveDate ? f.date(agreement.terms.effectiveDate) : t('document.notSet') },
    { label: t('document.cover.fingerprint'), value: model.phase === 'draft' ? t('document.header.notSigned') : shortFingerprint(model.fingerprint) },
    { label: t('document.cover.signatories'), value: signatories.length > 0 ? signatories.join('\n') : t('document.cover.noSignatories') },
  ];
}

/** The cover for the page plan. */
export function coverAtoms(model: DocumentModel): Atom[] {
  const { meta } = model.agreement;
  return [
    fixedAtom(3000 + 320 + 250),
    ...textAtoms(meta.title, { size: SIZE.title / 2, after: 120 }),
    ...(meta.company.trim() ? textAtoms(meta.company, { size: SIZE.coverCompany / 2, after: 360 }) : []),
    fixedAtom(280 + 480),
    ...(draftMark(model) ? [fixedAtom(330 + 480)] : []),
    ...blockAtoms({ kind: 'fields', rows: coverFacts(model) }),
  ];
}

/** The first page: what this is, for whom, which version, in what state, and who signs. */
export function coverPage(model: DocumentModel): (Paragraph | Table)[] {
  const { t, agreement } = model;
  const { meta } = agreement;
  const mark = draftMark(model);
  const facts = coverFacts(model);
  return [
    new Paragraph({
      spacing: { before: 3000, after: 320 },
      children: [run(t('document.cover.kicker').toUpperCase(), { color: COLOR.accent, bold: true, size: 18, characterSpacing: 30 })],
    }),
    ...paragraphs(meta.title, { style: 'Title' }),
    ...(meta.company.trim()
      ? [new Paragraph({ spacing: { after: 360 }, children: [run(meta.company, { size: SIZE.coverCompany, color: COLOR.muted })] })]
      : []),
    new Paragraph({
      spacing: { before: 0, after: 480 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: COLOR.accent, space: 1 } },
      indent: { right: PAGE.textWidth - 1800 },
      children: [],
    }),
    ...(mark
      ? [
          new Paragraph({
            spacing: { after: 480 },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.draftFill },
            border: { left: { style: BorderStyle.SINGLE, size: 24, color: COLOR.draft, space: 8 } },
            children: [run(mark, { bold: true, color: COLOR.draft, size: 24, characterSpacing: 20 })],
          }),
        ]
      : []),
    factsTable(facts),
  ];
}
