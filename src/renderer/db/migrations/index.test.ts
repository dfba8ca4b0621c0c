import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index';

describe('schema versions', () => {
  it('only grow: one file per version, numbered 1, 2, 3 … with no gaps', () => {
    const files = Object.keys(import.meta.glob('./v*.ts'))
      .filter((f) => /^\.\/v\d+\.ts$/.test(f))
      .map((f) => Number(f.slice(3, -3)))
      .sort((a, b) => a - b);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(files);
    expect(files).toEqual(files.map((_, i) => i + 1));
  });
});
