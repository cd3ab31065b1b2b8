import { Document, ExternalHyperlink, Header, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { strokePng } from '../support/png';

export const BODY_TEXT = 'Marketing hands over every lead scored 60 or more within one business day.';

/**
 * A small Word document made with the `docx` package directly (not our SLA builder): two paragraphs, a
 * header, a picture and an external hyperlink — every kind of part and relationship a signature covers.
 * `images` adds more pictures, for a package of realistic size.
 */
export async function sampleDocx(images = 1, link = 'https://example.com/sla'): Promise<Buffer> {
  const pictures = Array.from(
    { length: images },
    (_, i) => new Paragraph({ children: [new ImageRun({ type: 'png', data: strokePng(480, 160, i * 7), transformation: { width: 240, height: 80 } })] }),
  );
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('Service level agreement — marketing and sales')] }) },
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Lead handoff', bold: true })] }),
          new Paragraph({ children: [new TextRun(BODY_TEXT)] }),
          // By default no '&' in the target: xmlsec1 1.2.x writes relationship attributes unescaped (see SIGNING.md).
          new Paragraph({ children: [new ExternalHyperlink({ link, children: [new TextRun('Methodology')] })] }),
          ...pictures,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
