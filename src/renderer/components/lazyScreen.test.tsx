import { Suspense, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { lazyScreen } from './lazyScreen';

const Ready = () => <p>the screen</p>;
const shown = (Screen: ComponentType) =>
  renderToStaticMarkup(
    <Suspense fallback={<p>Loading…</p>}>
      <Screen />
    </Suspense>,
  );

describe('lazyScreen', () => {
  it('shows a screen fetched ahead at once, with no "Loading…" in between', async () => {
    const { Screen, preload } = lazyScreen(async () => Ready);
    await preload();
    expect(shown(Screen)).toBe('<p>the screen</p>');
  });

  it('shows "Loading…" for a screen not fetched yet, and loads its code once', async () => {
    const load = vi.fn(async () => Ready);
    const { Screen, preload } = lazyScreen(load);
    expect(shown(Screen)).toContain('Loading…');
    await preload();
    await new Promise((resolve) => setTimeout(resolve, 0)); // React's own callbacks on the load
    expect(shown(Screen)).toBe('<p>the screen</p>');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed fetch instead of failing for good', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(Ready);
    const { Screen, preload } = lazyScreen(load);
    await expect(preload()).rejects.toThrow('offline');
    await preload();
    expect(load).toHaveBeenCalledTimes(2);
    expect(shown(Screen)).toBe('<p>the screen</p>');
  });
});
