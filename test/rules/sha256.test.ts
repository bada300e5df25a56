import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex } from '../../src/rules';

describe('sha256Hex (the policy hash and the audit chain)', () => {
  it('gives the FIPS 180-4 digests of the standard test messages', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('hashes the UTF-8 bytes of any text, Chinese included, as node:crypto does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
    );
    expect(sha256Hex('客户经理')).toBe(createHash('sha256').update('客户经理').digest('hex'));
  });
});
