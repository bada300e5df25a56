/**
 * `cm-appraisal keys new` and the key files `audit --key` / `--trust` read: the private key file
 * written 0600 with the public JSON beside it, and every wrong file a one-line exit-2 message.
 */
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSigningKey, readTrustList } from '../../src/cli/key-files';
import { CliError } from '../../src/cli/io';
import { importPublicKey, signBytes, utf8, verifyBytes } from '../../src/signing';
import { cli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'cm-keys-'));
const at = (name: string) => join(dir, name);
const posix = process.platform !== 'win32';

let made: ReturnType<typeof cli>;
beforeAll(() => {
  made = cli(['keys', 'new', '--name', '张审计', '-o', at('auditor.key'), '--json']);
});

describe('keys new', () => {
  it('writes the private key 0600 and the public JSON beside it', async () => {
    const r = await made;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, string>;
    expect(out.publicKeyFile).toBe(at('auditor.pub.json'));
    if (posix) expect(statSync(at('auditor.key')).mode & 0o777).toBe(0o600);
    const pub = JSON.parse(readFileSync(at('auditor.pub.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(pub).sort()).toEqual(['fingerprint', 'key', 'name']);
    expect(pub.name).toBe('张审计');
    expect(pub.fingerprint).toBe(out.fingerprint);
  });

  it('the two files belong together: what the private key signs, the public key verifies', async () => {
    await made;
    const key = await readSigningKey(at('auditor.key'));
    expect(key.name).toBe('张审计');
    expect(key.privateKey.extractable).toBe(false);
    const pub = await importPublicKey(JSON.parse(readFileSync(at('auditor.pub.json'), 'utf8')));
    const sig = await signBytes(key.privateKey, utf8('x'));
    expect(await verifyBytes(pub.publicKey, sig, utf8('x'))).toBe(true);
  });

  it('never overwrites a key file', async () => {
    await made;
    const before = readFileSync(at('auditor.key'), 'utf8');
    const r = await cli(['keys', 'new', '--name', 'x', '-o', at('auditor.key')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists; a key file is never overwritten/);
    expect(readFileSync(at('auditor.key'), 'utf8')).toBe(before);
  });

  it('without --name or with an unknown action: exit 2 and one line', async () => {
    const r = await cli(['keys', 'new', '-o', at('nameless.key')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs --name/);
    const r2 = await cli(['keys', 'list']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/unknown keys action "list"/);
    expect(r2.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('reading key files', () => {
  const refused = async (p: Promise<unknown>, message: RegExp) => {
    await expect(p).rejects.toThrow(CliError);
    await expect(p).rejects.toThrow(message);
  };

  (posix ? it : it.skip)('a private key readable by others is refused, with the fix', async () => {
    await made;
    writeFileSync(at('open.key'), readFileSync(at('auditor.key')));
    chmodSync(at('open.key'), 0o644);
    await refused(
      readSigningKey(at('open.key')),
      /can be read by others \(mode 0644\).*chmod 600 open\.key/,
    );
  });

  it('the public JSON given as the private key is named as such', async () => {
    await made;
    writeFileSync(at('pub-as.key'), readFileSync(at('auditor.pub.json')), { mode: 0o600 });
    await refused(
      readSigningKey(at('pub-as.key')),
      /is a public key; --key needs the private key file/,
    );
  });

  it('not JSON, not a key file, a damaged key, a missing file: each said plainly', async () => {
    await made;
    const write = (name: string, text: string) => writeFileSync(at(name), text, { mode: 0o600 });
    write('garbage.key', 'hello');
    await refused(readSigningKey(at('garbage.key')), /is not JSON/);
    write('other.key', '{"a":1}');
    await refused(
      readSigningKey(at('other.key')),
      /is not a private key file: the file must have required property 'type'/,
    );
    const good = JSON.parse(readFileSync(at('auditor.key'), 'utf8')) as Record<string, string>;
    write('damaged.key', JSON.stringify({ ...good, privateKey: 'AAAA' }));
    await refused(
      readSigningKey(at('damaged.key')),
      /"privateKey" is not an ECDSA P-256 private key/,
    );
    write('wrongfp.key', JSON.stringify({ ...good, fingerprint: '0'.repeat(64) }));
    await refused(readSigningKey(at('wrongfp.key')), /fingerprint does not match the key/);
    await refused(readSigningKey(at('none.key')), /does not exist/);
  });

  it('a trust list file: read, or refused with the reason', async () => {
    await made;
    const pub = JSON.parse(readFileSync(at('auditor.pub.json'), 'utf8')) as Record<string, string>;
    writeFileSync(at('trust.json'), JSON.stringify({ auditors: [pub] }));
    const trust = await readTrustList(at('trust.json'));
    expect([...trust.keys.values()].map((k) => k.name)).toEqual(['张审计']);
    writeFileSync(at('bare.json'), JSON.stringify(pub));
    await refused(
      readTrustList(at('bare.json')),
      /is not a trust list: the file must have required property 'auditors'/,
    );
  });
});
