import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROGRAM_TIMEOUT_MS } from './timeouts';

const root = path.resolve(import.meta.dirname, '../..');
const lint = (input: string) =>
  spawnSync(process.execPath, ['scripts/electronegativity.mjs', input], { cwd: root, encoding: 'utf8', timeout: PROGRAM_TIMEOUT_MS });

describe('npm run lint:security', () => {
  it('fails on an insecure window and names the findings', () => {
    const result = lint('test/fixtures/insecure-electron');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(result.stdout).toContain('SANDBOX_JS_CHECK');
    expect(result.stdout).toContain('WEB_SECURITY_JS_CHECK');
  });
});
