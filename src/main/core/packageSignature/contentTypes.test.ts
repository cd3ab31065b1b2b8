import { describe, expect, it } from 'vitest';
import { readContentTypes, withSignatureContentTypes } from './contentTypes';

const TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="XML" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

describe('the content types of a package', () => {
  it('are the override first, else the default for the extension, both ignoring case', () => {
    const types = readContentTypes(TYPES);
    expect(types.of('word/document.xml')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
    expect(types.of('Word/Document.XML')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
    expect(types.of('customXml/item1.xml')).toBe('application/xml');
    expect(types.of('word/media/image1.PNG')).toBe('image/png');
    expect(types.of('word/media/image1.gif')).toBeNull();
    expect(types.of('README')).toBeNull();
  });

  it('gain the signature defaults and overrides once', () => {
    const once = withSignatureContentTypes(readContentTypes(TYPES), { sigs: 'origin' }, { '/_xmlsignatures/sig1.xml': 'signature' });
    const twice = withSignatureContentTypes(readContentTypes(once), { sigs: 'origin' }, { '/_xmlsignatures/sig1.xml': 'signature' });
    expect(twice).toBe(once);
    const types = readContentTypes(twice);
    expect(types.of('_xmlsignatures/origin.sigs')).toBe('origin');
    expect(types.of('_xmlsignatures/sig1.xml')).toBe('signature');
    expect(types.of('word/document.xml')).toContain('document.main+xml');
  });
});
