import { describe, expect, it } from 'vitest';
import { exportInput } from './exportFlow';

// The flow itself (seal dialog, keys, refusals) runs against the real core: test/export-flow.test.ts.

describe('the export input', () => {
  it('carries only what was given: a chosen key wins over an organization', () => {
    expect(exportInput({ id: 'a' })).toEqual({ id: 'a' });
    expect(exportInput({ id: 'a', language: 'es', digitalSignature: false }, { organization: '', passphrase: '' })).toEqual({
      id: 'a',
      language: 'es',
      digitalSignature: false,
    });
    expect(exportInput({ id: 'a' }, { organization: 'Nortia', passphrase: 'pp' })).toEqual({ id: 'a', organization: 'Nortia', passphrase: 'pp' });
    expect(exportInput({ id: 'a' }, { keyId: 'k', organization: 'Nortia' })).toEqual({ id: 'a', keyId: 'k' });
  });
});
