import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStorageHandlers, MARKER_FILE } from './storage';

describe('the profile volume and the marker file', () => {
  it('writes the marker beside the database, replacing the last one whole, and reads it back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csms-marker-'));
    const handlers = createStorageHandlers(dir);
    expect(await handlers['marker:read']()).toBeNull();
    await handlers['marker:write']('{"count":3}');
    await handlers['marker:write']('{"count":4}');
    expect(await handlers['marker:read']()).toBe('{"count":4}');
    expect(readdirSync(dir)).toEqual([MARKER_FILE]); // No temporary file left behind.
  });

  it('ignores a marker file grown beyond what a marker can be', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csms-marker-'));
    writeFileSync(path.join(dir, MARKER_FILE), 'x'.repeat(10_000));
    expect(await createStorageHandlers(dir)['marker:read']()).toBeNull();
    expect(readFileSync(path.join(dir, MARKER_FILE), 'utf8')).toHaveLength(10_000);
  });

  it('reports the free bytes of the profile volume', async () => {
    const free = await createStorageHandlers(tmpdir())['storage:free']();
    expect(Number.isSafeInteger(free) && free > 0).toBe(true);
  });
});
