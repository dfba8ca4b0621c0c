import { describe, expect, it } from 'vitest';
import { formatBytes, shortHash } from './bytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [200 * 1024 ** 2, '200.0 MiB'],
    [5 * 1024 ** 3, '5.0 GiB'],
  ])('%i → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it('shortens a hash to 12 digits', () => {
    expect(shortHash('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe('e3b0c44298fc');
  });
});
