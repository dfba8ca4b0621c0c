/** Drag-and-drop of files onto an area: whether files are over it, and the handlers to spread on it. */
import { useRef, useState, type DragEvent } from 'react';
import type { PickedFile } from '../platform';

export function useFileDrop(onFiles: (files: PickedFile[]) => void) {
  const [dragging, setDragging] = useState(false);
  // Enter and leave fire for every child element; count them to know when the pointer really left.
  const depth = useRef(0);
  const handlers = {
    onDragEnter: (event: DragEvent) => {
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    },
    onDragOver: (event: DragEvent) => event.preventDefault(),
    onDragLeave: () => {
      depth.current -= 1;
      if (depth.current <= 0) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      onFiles(Array.from(event.dataTransfer.files).map((f) => ({ name: f.name, type: f.type, blob: f })));
    },
  };
  return { dragging, handlers };
}
