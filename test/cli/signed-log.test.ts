/**
 * Signed audit records on the command line (SHEETS.md "Audit log integrity"): audit --key signs
 * the record and the anchor in the file; verify-log --trust names every record that is not
 * signed by a trusted auditor; a forger without the key is caught however the chain and the
 * anchor are recomputed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNewKey } from '../../src/cli/key-files';
import { forge, rechain } from './forge';
import { cli, ROOT } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'cm-signed-'));
const at = (name: string) => join(dir, name);
const SAMPLE = join(ROOT, 'examples', 'appraisal-sample.xlsx');

interface Verified {
  intact: boolean;
  records: { n: number; signer: { kind: string; name?: string } }[];
  problems: string[];
  signatures: { judged: boolean; ok: boolean; anchor: { kind: string } | null };
}
const verify = async (file: string, trust = true) => {
  const r = await cli([
    'verify-log',
    at(file),
    '--json',
    ...(trust ? ['--trust', at('trust.json')] : []),
  ]);
  return { code: r.code, json: JSON.parse(r.stdout) as Verified, stderr: r.stderr };
};

let signed: Promise<void>;
beforeAll(() => {
  signed = (async () => {
    const zhang = await writeNewKey(at('zhang.key'), '张审计');
    await writeNewKey(at('mallory.key'), 'mallory');
    writeFileSync(at('trust.json'), JSON.stringify({ auditors: [zhang.publicKey] }));
    for (const [from, to] of [
      [SAMPLE, at('a1.xlsx')],
      [at('a1.xlsx'), at('a2.xlsx')],
    ]) {
      const r = await cli(['audit', from, '-o', to, '--key', at('zhang.key'), '--user', '张审计']);
      if (r.code === 2) throw new Error(r.stderr);
    }
  })();
});

describe('signed audit log (command line)', () => {
  it('audit --key signs; verify-log --trust passes and names the signer of each record', async () => {
    await signed;
    const { code, json } = await verify('a2.xlsx');
    expect(code).toBe(0);
    expect(json.intact).toBe(true);
    expect(json.records.map((r) => r.signer)).toEqual([
      expect.objectContaining({ kind: 'trusted', name: '张审计' }),
      expect.objectContaining({ kind: 'trusted', name: '张审计' }),
    ]);
    expect(json.signatures).toMatchObject({ judged: true, ok: true, anchor: { kind: 'trusted' } });
    // Without --trust: listed, not judged.
    const loose = await verify('a2.xlsx', false);
    expect(loose.json.signatures.judged).toBe(false);
    expect(loose.json.records[0].signer.kind).toBe('unverified');
  });

  it('a record edited with the chain and anchor recomputed: bad signature, exit 1', async () => {
    await signed;
    await forge(at('a2.xlsx'), at('edited.xlsx'), (log) => rechain(log, 0, { errors: 0 }));
    // The chain alone is fooled.
    expect((await verify('edited.xlsx', false)).code).toBe(0);
    const { code, json } = await verify('edited.xlsx');
    expect(code).toBe(1);
    expect(json.records.map((r) => r.signer.kind)).toEqual(['bad', 'bad']);
    expect(json.problems[0]).toMatch(
      /^record 1 \(seq 1\) has a bad signature: it names 张审计's key/,
    );
    // audit --trust does not extend it.
    const r = await cli([
      'audit',
      at('edited.xlsx'),
      '-o',
      at('edited-2.xlsx'),
      '--key',
      at('zhang.key'),
      '--trust',
      at('trust.json'),
      '--json',
      '--user',
      '张审计',
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).record).toBeNull();
  });

  it('a record signed by a key not on the trust list is named', async () => {
    await signed;
    const r = await cli([
      'audit',
      at('a2.xlsx'),
      '-o',
      at('mallory.xlsx'),
      '--key',
      at('mallory.key'),
      '--user',
      'm',
    ]);
    expect(r.stdout).toMatch(/Signed by mallory/);
    const { code, json } = await verify('mallory.xlsx');
    expect(code).toBe(1);
    expect(json.records.map((r) => r.signer.kind)).toEqual(['trusted', 'trusted', 'unknown']);
    expect(json.problems).toContainEqual(
      expect.stringMatching(/^record 3 \(seq 3\) is signed by a key not on the trust list/),
    );
  });

  it('the last record deleted: caught by the signed anchor, however it is rewritten', async () => {
    await signed;
    // Anchor kept: it counts 2.
    await forge(
      at('a2.xlsx'),
      at('cut.xlsx'),
      (log) => log.slice(0, 1),
      (stored) => stored,
    );
    expect((await verify('cut.xlsx')).json.problems[0]).toMatch(
      /record 2 was deleted from the end/,
    );
    // Anchor's hash and count rewritten, its signature kept: bad signature.
    await forge(at('a2.xlsx'), at('cut2.xlsx'), (log) => log.slice(0, 1));
    const { code, json } = await verify('cut2.xlsx');
    expect(code).toBe(1);
    expect(json.signatures.anchor?.kind).toBe('bad');
    expect(json.problems).toEqual([
      expect.stringMatching(/anchor .* has a bad signature .* records may have been deleted/),
    ]);
    // Signatures stripped everywhere: unsigned, which fails under a trust list.
    await forge(
      at('a2.xlsx'),
      at('stripped.xlsx'),
      (log) =>
        rechain(
          log.map((r) => ({ ...r, signer: '', signature: '' })),
          0,
          {},
        ),
      (_stored, log) => ({ hash: log[log.length - 1].hash, count: log.length }),
    );
    const stripped = await verify('stripped.xlsx');
    expect(stripped.code).toBe(1);
    expect(stripped.json.records.map((r) => r.signer.kind)).toEqual(['unsigned', 'unsigned']);
  });

  it('a key file readable by others or a trust list of the wrong form: exit 2, one line', async () => {
    await signed;
    writeFileSync(at('open.key'), readFileSync(at('zhang.key')), { mode: 0o644 });
    if (process.platform !== 'win32') {
      const r = await cli(['audit', at('a2.xlsx'), '--key', at('open.key')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^cm-appraisal: the key file .*open\.key can be read by others \(mode 0644\)/,
      );
    }
    const r2 = await cli(['verify-log', at('a2.xlsx'), '--trust', at('zhang.pub.json')]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(
      /is not a trust list: the file must have required property 'auditors'/,
    );
    expect(r2.stderr.trim().split('\n')).toHaveLength(1);
  });
});
