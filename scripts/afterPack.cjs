// electron-builder afterPack hook: flip the fuses in the packed Electron binary.
const path = require('node:path');
const { flipFuses } = require('@electron/fuses');
const { FUSES } = require('./fuses.cjs');

function binaryPath(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

module.exports = async function afterPack(context) {
  await flipFuses(binaryPath(context), { ...FUSES, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' });
};
module.exports.binaryPath = binaryPath;
