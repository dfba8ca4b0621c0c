import { describe, expect, it } from 'vitest';
import { readAnswersFile, readCapped, type AnswersFileSource } from './importAnswersFile';

function source(
  name: string,
  parts: Uint8Array[],
  size = parts.reduce((n, p) => n + p.byteLength, 0),
): AnswersFileSource & { read: number } {
  const s = {
    name,
    size,
    read: 0,
    async *chunks() {
      for (const part of parts) {
        s.read += 1;
        yield await Promise.resolve(part);
      }
    },
  };
  return s;
}

describe('reading a chosen answers file', () => {
  it('stops at the cap counted on the bytes that arrive, whatever size the file claims', async () => {
    const mib = new Uint8Array(1024 * 1024);
    const lying = source(
      'a.csv',
      Array.from({ length: 30 }, () => mib),
      10,
    );
    await expect(readCapped(lying)).rejects.toThrow('larger than 20 MiB');
    expect(lying.read).toBe(21);
    await expect(readCapped(source('b.csv', [mib], 21 * 1024 * 1024))).rejects.toThrow('larger than 20 MiB');
  });

  it('reads a UTF-8 CSV and refuses other encodings and zip archives in plain words', async () => {
    const csv = new TextEncoder().encode('\uFEFFMarking: TLP:CLEAR\r\nRequirement ID,Achieved\r\nORG 1.1,ML2\r\n');
    expect((await readAnswersFile(source('x_answers.csv', [csv]))).rows[0]!.cells).toEqual(['ORG 1.1', 'ML2']);
    const latin1 = new Uint8Array([...new TextEncoder().encode('Requirement ID,Narrative\nORG 1.1,'), 0xe9, 0x0a]);
    await expect(readAnswersFile(source('x.csv', [latin1]))).rejects.toThrow(/CSV UTF-8/);
    await expect(readAnswersFile(source('x.csv', [new Uint8Array([0x50, 0x4b, 3, 4])]))).rejects.toThrow(/zip archive/);
  });
});
