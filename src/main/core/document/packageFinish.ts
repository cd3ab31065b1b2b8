import type { DocumentModel } from './model';
import { PROOFING } from './styles';
import { clean } from './text';
import { FONT, MONO_FONT } from './theme';

/**
 * The parts the `docx` library leaves generic, written as Word writes them: the heading styles under Word's
 * built-in names (so Word, python-docx and PDF bookmarks know them), a font table naming the fonts used with
 * metric-compatible fallbacks, and the document properties. Applied before the package's digests are taken.
 */

const escapeXml = (text: string): string => clean(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Word's built-in style names are lower case ("heading 1"); "Heading 1" would be a custom style of the same look. */
export function builtInStyleNames(stylesXml: string): string {
  return stylesXml.replace(/<w:name w:val="Heading ([1-9])"\/>/g, '<w:name w:val="heading $1"/>');
}

/**
 * Calibri and Consolas, as Word describes them, with the fonts LibreOffice uses in their place on machines
 * without Office: Carlito and Liberation Mono have the same widths, so lines and pages break in the same places.
 */
export function fontTableXml(): string {
  const font = (name: string, alt: string, panose: string, family: string, pitch: string, sig: string) =>
    `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:panose1 w:val="${panose}"/><w:charset w:val="00"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/>${sig}</w:font>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    font(
      FONT,
      'Carlito',
      '020F0502020204030204',
      'swiss',
      'variable',
      '<w:sig w:usb0="E4002EFF" w:usb1="C200247B" w:usb2="00000009" w:usb3="00000000" w:csb0="0000019F" w:csb1="00000000"/>',
    ) +
    font(
      MONO_FONT,
      'Liberation Mono',
      '020B0609020204030204',
      'modern',
      'fixed',
      '<w:sig w:usb0="E00006FF" w:usb1="0000FCFF" w:usb2="00000001" w:usb3="00000000" w:csb0="0000019F" w:csb1="00000000"/>',
    ) +
    '</w:fonts>'
  );
}

/** docProps/core.xml: title, subject, company-facing keywords, language and the agreement's version. */
export function coreXml(model: DocumentModel): string {
  const { meta } = model.agreement;
  const at = model.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(meta.title)}</dc:title>` +
    `<dc:subject>${escapeXml(model.t('document.cover.kicker'))}</dc:subject>` +
    '<dc:creator>SLA Workshop</dc:creator>' +
    `<cp:keywords>${escapeXml(model.t('document.properties.keywords'))}</cp:keywords>` +
    `<dc:description>${escapeXml(model.outline.versionLine)}</dc:description>` +
    '<cp:lastModifiedBy>SLA Workshop</cp:lastModifiedBy>' +
    `<dc:language>${PROOFING[model.lang]}</dc:language>` +
    `<cp:version>${meta.version}</cp:version>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** docProps/app.xml: the application, the company and the page count of the plan. */
export function appXml(model: DocumentModel, pages: number): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>SLA Workshop ${escapeXml(model.appVersion)}</Application>` +
    `<Pages>${pages}</Pages>` +
    `<Company>${escapeXml(model.agreement.meta.company.trim())}</Company>` +
    '<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>' +
    '</Properties>'
  );
}

/** The finished parts by name, given the packed text of each. */
export function finishedParts(text: (name: string) => string, model: DocumentModel, pages: number): Map<string, string> {
  return new Map([
    ['word/styles.xml', builtInStyleNames(text('word/styles.xml'))],
    ['word/fontTable.xml', fontTableXml()],
    ['docProps/core.xml', coreXml(model)],
    ['docProps/app.xml', appXml(model, pages)],
  ]);
}
