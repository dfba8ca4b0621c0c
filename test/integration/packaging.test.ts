/**
 * What electron-builder puts into the installers: the three app builds in app.asar and nothing beside it.
 * The builds are self-contained (electronBuild.test.ts), so no library is copied into the asar again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };

describe('the packaged app', () => {
  it('carries the catalogues only inside the integrity-checked asar (bundled into the renderer)', () => {
    expect(config.asar).toBe(true);
    expect(config.extraResources).toBeUndefined();
    expect(config.extraFiles).toBeUndefined();
  });

  it('packs the main, preload and renderer builds and nothing else of out/', () => {
    expect(config.files).toEqual(['out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*', 'package.json', '!**/*.map']);
  });

  it('has no run-time dependencies: Vite bundled every library the app uses', () => {
    // electron-builder copies "dependencies" into app.asar; the built main and preload require only
    // electron and node:* (electronBuild.test.ts), so a library listed there would ship twice.
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
  });
});
