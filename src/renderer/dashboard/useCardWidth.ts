/**
 * The inner width of a chart's card, read before the first paint and followed as the window changes, so a
 * chart is drawn once at the card's size (a fixed size overflowed small screens; recharts' own
 * ResponsiveContainer drew an empty first frame and measured again).
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * The width each card had when last seen. On the next visit the chart is drawn at once at that width,
 * in the same pass as the rest of the dashboard; the measurement only redraws it if the size changed.
 */
const lastWidths = new Map<string, number>();

export function useCardWidth<T extends HTMLElement>(key: string): [ref: RefObject<T | null>, width: number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(() => lastWidths.get(key) ?? 0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const measured = Math.floor(element.clientWidth);
      lastWidths.set(key, measured);
      setWidth(measured);
    };
    // Reading the width forces a layout of the whole page in the middle of the commit; with a remembered
    // width the observer's first report (after the browser's own layout) is enough to correct it.
    if (!lastWidths.has(key)) measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [key]);
  return [ref, width];
}
