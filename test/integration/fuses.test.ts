/**
 * The Electron fuses of every packaged build, as electron-builder flips them from the `electronFuses`
 * option of electron-builder.yml. Turning any of them back on, or dropping one, fails here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const fuses = (config.electronFuses ?? {}) as Record<string, unknown>;
// app-builder-lib is electron-builder's own dependency: load its files the way electron-builder does.
const fromElectronBuilder = createRequire(createRequire(path.join(root, 'package.json')).resolve('electron-builder'));

describe('Electron fuses', () => {
  it('turn off Node mode, NODE_OPTIONS, the inspector and file:// privileges', () => {
    expect(fuses.runAsNode).toBe(false);
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('load the app only from an integrity-checked asar', () => {
    expect(config.asar).toBe(true);
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
  });

  it('set every fuse explicitly, and nothing else', () => {
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      // Flipping a fuse breaks the ad-hoc signature; unsigned macOS builds must be re-signed ad hoc.
      resetAdHocDarwinSignature: true,
    });
  });

  it('use only option names electron-builder knows', () => {
    // electron-builder rejects an unknown name only when packing, which CI does not do: check it here.
    const scheme = fromElectronBuilder('app-builder-lib/scheme.json') as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(Object.keys(fuses).filter((name) => !known.includes(name))).toEqual([]);
  });
});
