import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { genuineBundle, hostileBundles } from '../../test/fixtures/hostile/generate';
import { BundleError } from '../core/bundle/bundle';
import { keptEvidence, openFileSource, TEMP_PREFIX, writeFileThrough } from './bundleFiles';
import { isBundleFile, withBundle } from './bundleInput';
import { InputError } from './errors';

let dir: string;
let tmp: string;
const savedTmp = process.env.TMPDIR;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'csms-bundle-files-'));
  // The evidence folders go to os.tmpdir(): a private one, so that what is left there is ours to see.
  tmp = path.join(dir, 'tmp');
  mkdirSync(tmp);
  process.env.TMPDIR = tmp;
});
afterAll(() => {
  process.env.TMPDIR = savedTmp;
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => expect(readdirSync(tmp).filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]));

const file = (name: string, bytes?: Uint8Array | string) => {
  const at = path.join(dir, name);
  if (bytes !== undefined) writeFileSync(at, bytes);
  return at;
};

describe('openFileSource', () => {
  it('reads any range of a regular file by position', async () => {
    const source = await openFileSource(file('abc.bin', 'abcdefgh'));
    try {
      expect(source.size).toBe(8);
      expect(Buffer.from(await source.read(2, 3)).toString()).toBe('cde');
      expect(Buffer.from(await source.read(0, 8)).toString()).toBe('abcdefgh');
    } finally {
      await source.close();
    }
  });

  it('refuses a folder, a device and a missing file with a clear message', async () => {
    await expect(openFileSource(dir)).rejects.toThrow(new InputError(`${dir}: is a folder, not a bundle`));
    if (process.platform !== 'win32') {
      await expect(openFileSource('/dev/zero')).rejects.toThrow('/dev/zero: not a regular file; give the path of a bundle');
    }
    await expect(openFileSource(path.join(dir, 'nowhere.csmsx'))).rejects.toThrow(/nowhere\.csmsx: cannot read it: no such file/);
  });
});

describe('writeFileThrough', () => {
  it('puts the file in place only when the writing succeeded, leaving no temporary file', async () => {
    const target = file('out.bin', 'old');
    await writeFileThrough(target, async (sink) => {
      await sink.write(new TextEncoder().encode('new '));
      await sink.write(new TextEncoder().encode('bytes'));
    });
    expect(readFileSync(target, 'utf8')).toBe('new bytes');
    const failing = writeFileThrough(target, async (sink) => {
      await sink.write(new TextEncoder().encode('half'));
      throw new BundleError('the evidence changed');
    });
    await expect(failing).rejects.toThrow('the evidence changed');
    expect(readFileSync(target, 'utf8')).toBe('new bytes');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('names the target when its folder does not exist', async () => {
    const target = path.join(dir, 'no', 'such.zip');
    await expect(writeFileThrough(target, () => Promise.resolve())).rejects.toThrow(`${target}: cannot write it: no such file or folder`);
  });
});

describe('keptEvidence', () => {
  it('keeps a verified file under its hash, drops a refused one, and removes everything at the end', async () => {
    const store = await keptEvidence();
    const kept = store.evidence('a'.repeat(64), 5);
    await kept.write(new TextEncoder().encode('hello'));
    await kept.done();
    const dropped = store.evidence('b'.repeat(64), 3);
    await dropped.write(new TextEncoder().encode('abc'));
    await dropped.discard();
    const keptAt = store.path('a'.repeat(64))!;
    expect(readFileSync(keptAt, 'utf8')).toBe('hello');
    expect(store.path('b'.repeat(64))).toBeNull();
    expect(readdirSync(path.dirname(keptAt))).toEqual(['a'.repeat(64)]);
    await store.dispose();
  });

  it('refuses more bytes than the entry declared', async () => {
    const store = await keptEvidence();
    try {
      const sink = store.evidence('c'.repeat(64), 2);
      await expect(sink.write(new Uint8Array(3))).rejects.toThrow(/holds more bytes than it declares/);
      await sink.discard();
    } finally {
      await store.dispose();
    }
  });
});

describe('withBundle', () => {
  it('reads the genuine bundle, keeping its evidence only while it is used', async () => {
    const at = file('genuine.csmsx', await genuineBundle());
    const refusal = (problem: string) => problem;
    const kept = await withBundle(at, { keep: true, refusal }, ({ bundle, evidence }) => {
      expect(bundle.logProblem).toBeNull();
      const paths = [...evidence.files.keys()].map((sha) => evidence.path(sha)!);
      for (const p of paths) expect(readFileSync(p).length).toBe(evidence.files.get(path.basename(p)));
      return Promise.resolve(paths);
    });
    expect(kept.length).toBe(8);
    expect(readdirSync(tmp).filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]);
  });

  it('refuses a damaged bundle with the caller’s line and leaves no evidence behind', async () => {
    const fixtures = await hostileBundles();
    for (const name of ['evidence-bit-rot', 'evidence-bomb', 'records-disagree']) {
      const fixture = fixtures.find((f) => f.name === name)!;
      const at = file(`${name}.csmsx`, fixture.bytes);
      const reading = withBundle(at, { keep: true, refusal: (p) => `${name} is not a valid bundle: ${p}` }, ({ bundle }) => {
        if (bundle.logProblem) throw new InputError(bundle.logProblem);
        return Promise.resolve();
      });
      await expect(reading).rejects.toThrow(InputError);
      await expect(reading).rejects.toThrow(fixture.expect);
      expect(readdirSync(tmp).filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]);
    }
  });
});

describe('isBundleFile', () => {
  it('goes by the name, and by the zip signature for any other name', async () => {
    expect(isBundleFile('x.csmsx')).toBe(true);
    expect(isBundleFile(file('zip.json', await genuineBundle()))).toBe(false);
    expect(isBundleFile(file('workbook.bak', await genuineBundle()))).toBe(true);
    expect(isBundleFile(file('snapshot.txt', '{"format": 1}'))).toBe(false);
    expect(isBundleFile(path.join(dir, 'missing'))).toBe(false);
  });
});
