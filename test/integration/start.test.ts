import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROGRAM_TIMEOUT_MS } from './timeouts';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm start without an Electron binary', () => {
  it('says so in one sentence, points to npm run web, and fails', () => {
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      encoding: 'utf8',
      timeout: PROGRAM_TIMEOUT_MS,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'no-electron-here') },
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('The Electron binary is not installed');
    expect(result.stderr).toContain('npm run web');
  });
});
