import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

async function buildTo(config: string): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'csms-build-'));
  await build({ configFile: path.join(root, config), logLevel: 'silent', build: { outDir } });
  return readFileSync(path.join(outDir, 'index.cjs'), 'utf8');
}

const requires = (code: string) => [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].sort();

describe('the Electron builds', () => {
  it('make a sandbox-ready preload: one file that requires nothing but electron', async () => {
    const preload = await buildTo('vite.preload.config.ts');
    expect(requires(preload)).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('make a main process that requires only electron and Node built-ins', async () => {
    const main = await buildTo('vite.main.config.ts');
    expect(requires(main).every((m) => m === 'electron' || m!.startsWith('node:'))).toBe(true);
  });
});
