import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from './errors';
import { sampleSnapshot } from '../core/snapshot/sampleSnapshot';
import { CONTENT_DIR, loadCatalogueDir } from './content';
import { readInputText, readSnapshotFile } from './files';
import { NO_CHANGE_LOG, recordsOf } from './snapshotSchema';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'csms-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('readInputText', () => {
  it('reads a regular file in full, also across several chunks', () => {
    const file = path.join(dir, 'ok.json');
    const text = `"${'é'.repeat(1_500_000)}"`;
    writeFileSync(file, text);
    expect(readInputText(file)).toBe(text);
  });

  it.skipIf(process.platform === 'win32')('refuses /dev/zero at once instead of reading forever', () => {
    const started = performance.now();
    expect(refusal(() => readInputText('/dev/zero'))).toBe('/dev/zero: not a regular file; give the path of a snapshot file');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses a folder, naming it', () => {
    const folder = path.join(dir, 'folder');
    mkdirSync(folder);
    expect(refusal(() => readInputText(folder))).toBe(`${folder}: is a folder, not a snapshot file`);
  });

  it('refuses a file over the cap, counted while reading', () => {
    const file = path.join(dir, 'big.json');
    writeFileSync(file, 'x'.repeat(1_001));
    expect(refusal(() => readInputText(file, 1_000))).toBe(`${file}: the file is larger than 1000 bytes; a workbook snapshot never is`);
    writeFileSync(file, 'x'.repeat(1_000));
    expect(readInputText(file, 1_000)).toHaveLength(1_000);
    appendFileSync(file, 'x');
    expect(() => readInputText(file, 1_000)).toThrow(/larger than 1000 bytes/);
  });

  // Files under /proc are regular files that report a size of 0: the cap must be counted, not stat'ed.
  it.skipIf(process.platform !== 'linux')('counts the cap while reading, whatever size the file reports', () => {
    expect(readInputText('/proc/self/status').length).toBeGreaterThan(100);
    expect(refusal(() => readInputText('/proc/self/status', 100))).toBe(
      '/proc/self/status: the file is larger than 100 bytes; a workbook snapshot never is',
    );
  });

  it.skipIf(process.platform === 'win32')('refuses a Unix socket as not a regular file', async () => {
    const socket = path.join(dir, 'app.sock');
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      expect(refusal(() => readInputText(socket))).toBe(`${socket}: not a regular file; give the path of a snapshot file`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('readSnapshotFile', () => {
  it('returns the snapshot rebuilt from the records: scores computed, the change log not verified', () => {
    const { snapshot } = sampleSnapshot(loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024')), new Date('2026-06-15T09:00:00Z'));
    const file = path.join(dir, 'records.json');
    writeFileSync(file, JSON.stringify(recordsOf(snapshot)));
    const read = readSnapshotFile(file);
    expect(read.scores).toEqual(snapshot.scores);
    expect(read.changeLog).toMatchObject({ verified: false, brokenAt: null, reason: NO_CHANGE_LOG, entries: 0, headHash: '' });
    writeFileSync(file, JSON.stringify(snapshot));
    expect(refusal(() => readSnapshotFile(file))).toMatch(/records\.json: not a workbook snapshot: unknown field "scores": /);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s with a clear message instead of crashing', (key) => {
    const file = path.join(dir, `${key}.json`);
    writeFileSync(file, `{"format": 1, "assessment": {"${key}": {"isAdmin": true}}}`);
    expect(refusal(() => readSnapshotFile(file))).toBe(
      `${file}: not a workbook snapshot: the field name "${key}" in assessment is not allowed; rename or remove it`,
    );
  });

  it('refuses a file nested deeper than any snapshot', () => {
    const file = path.join(dir, 'deep.json');
    writeFileSync(file, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(refusal(() => readSnapshotFile(file))).toMatch(
      /deep\.json: not a workbook snapshot: the data is nested more than 32 levels deep/,
    );
  });

  it('still strips a byte-order mark and names a JSON error', () => {
    const file = path.join(dir, 'bom.json');
    writeFileSync(file, '\uFEFF{"format": 1,');
    expect(refusal(() => readSnapshotFile(file))).toMatch(/bom\.json: not valid JSON \(/);
    writeFileSync(file, '\uFEFF{"format": 2}');
    expect(refusal(() => readSnapshotFile(file))).toMatch(/newer version/);
  });
});
