import { createRequire } from 'node:module';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { FUSES } = require('../../scripts/fuses.cjs') as { FUSES: Record<number, boolean> };
const { binaryPath } = require('../../scripts/afterPack.cjs') as { binaryPath: (context: unknown) => string };

describe('Electron fuses', () => {
  it('turn off Node mode, NODE_OPTIONS, the inspector and file:// privileges', () => {
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('load the app only from an integrity-checked asar', () => {
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
  });

  it('are applied to the right binary on each platform', () => {
    const context = (platform: string) => ({
      electronPlatformName: platform,
      appOutDir: '/build',
      packager: { appInfo: { productFilename: 'CSMS Workbook' }, executableName: 'csms-workbook' },
    });
    expect(binaryPath(context('linux'))).toBe('/build/csms-workbook');
    expect(binaryPath(context('win32'))).toBe('/build/CSMS Workbook.exe');
    expect(binaryPath(context('darwin'))).toBe('/build/CSMS Workbook.app');
  });
});
