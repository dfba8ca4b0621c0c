/**
 * The inner width of a chart's card, read before the first paint and followed as the window changes, so a
 * chart is drawn once at the card's size (a fixed size overflowed small screens; recharts' own
 * ResponsiveContainer drew an empty first frame and measured again).
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

export function useCardWidth<T extends HTMLElement>(): [ref: RefObject<T | null>, width: number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.floor(element.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
