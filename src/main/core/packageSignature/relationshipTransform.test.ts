import { describe, expect, it } from 'vitest';
import { transformRelationships } from './relationshipTransform';

const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const T = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('the OPC relationships transform', () => {
  it('keeps the selected relationships sorted by Id, defaults TargetMode and drops everything else', () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n<Relationships xmlns="${RELS}" xmlns:x="urn:x">\n  ` +
      `<Relationship Id="rId2" Type="${T}/styles" Target="styles.xml" x:extra="dropped"/>\n  ` +
      `<Relationship Id="rId10" Type="${T}/hyperlink" Target="https://example.com/?a=1&amp;b=2" TargetMode="External"/>\n  ` +
      `<Relationship Id="rId1" Type="${T}/theme" Target="theme/theme1.xml"><x:child/></Relationship>\n  ` +
      `<Relationship Id="rId3" Type="${T}/numbering" Target="numbering.xml"/>\n</Relationships>`;
    expect(transformRelationships(xml, { sourceIds: new Set(['rId1', 'rId2', 'rId10']) })).toBe(
      `<Relationships xmlns="${RELS}">` +
        `<Relationship Id="rId1" Target="theme/theme1.xml" TargetMode="Internal" Type="${T}/theme"></Relationship>` +
        `<Relationship Id="rId10" Target="https://example.com/?a=1&amp;b=2" TargetMode="External" Type="${T}/hyperlink"></Relationship>` +
        `<Relationship Id="rId2" Target="styles.xml" TargetMode="Internal" Type="${T}/styles"></Relationship>` +
        `</Relationships>`,
    );
  });

  it('gives the same octets whatever prefix, whitespace or attribute order the part uses', () => {
    const plain = `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${T}/styles" Target="styles.xml"/></Relationships>`;
    const prefixed = `<r:Relationships xmlns:r="${RELS}">\n\t<r:Relationship Target="styles.xml" Type="${T}/styles" Id="rId1" />\n</r:Relationships>`;
    const selection = { sourceIds: new Set(['rId1']) };
    expect(transformRelationships(prefixed, selection)).toBe(transformRelationships(plain, selection));
  });

  it('selects by SourceType too, and leaves an empty Relationships element when nothing is selected', () => {
    const xml = `<Relationships xmlns="${RELS}"><Relationship Id="a" Type="${T}/styles" Target="s.xml"/><Relationship Id="b" Type="${T}/theme" Target="t.xml"/></Relationships>`;
    expect(transformRelationships(xml, { sourceIds: new Set(), sourceTypes: new Set([`${T}/theme`]) })).toContain('Id="b"');
    expect(transformRelationships(xml, { sourceIds: new Set() })).toBe(`<Relationships xmlns="${RELS}"></Relationships>`);
  });

  it('refuses what is not a relationships part', () => {
    expect(() => transformRelationships('<Types xmlns="urn:other"/>', { sourceIds: new Set() })).toThrow();
    expect(() => transformRelationships('<!DOCTYPE x [<!ENTITY a "b">]><Relationships/>', { sourceIds: new Set() })).toThrow();
  });
});
