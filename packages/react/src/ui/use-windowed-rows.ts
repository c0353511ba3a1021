'use client';

import { useCallback, useLayoutEffect, useMemo, useState } from 'react';

/** One row to render: its index, React key, offset from the top of the list and height, in px. */
export interface WindowedRow {
  index: number;
  key: string | number;
  start: number;
  size: number;
}

export interface WindowedRowsOptions {
  /** How many rows the list has. */
  count: number;
  /** The height of every row, in px (rows are fixed-height: their text truncates). */
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport, so a fast scroll shows no gap. @default 8 */
  overscan?: number;
  /** The key of row `index`. @default the index */
  getKey?: (index: number) => string | number;
  /** The viewport height assumed before the scroll element is measured. @default 600 */
  initialHeight?: number;
}

export interface WindowedRows {
  /** Put on the scrolling element. */
  ref: (element: HTMLElement | null) => void;
  /** The rows in (or near) the viewport, in order. */
  rows: WindowedRow[];
  /** The height of all rows: the size of the element that holds them. */
  totalSize: number;
}

/**
 * Renders only the rows of a fixed-row-height list that are in view (plus `overscan`), the way
 * a 10,000-member list stays smooth. A scroll or a resize of the scroll element re-windows it.
 * (A few dozen lines instead of a virtualization library: rows here are always the same height.)
 *
 * @example
 * const { ref, rows, totalSize } = useWindowedRows({ count: members.length, rowHeight: 52 });
 * <div ref={ref} style={{ overflow: 'auto', height: 400 }}>
 *   <div style={{ height: totalSize, position: 'relative' }}>
 *     {rows.map((row) => <Row key={row.key} style={{ position: 'absolute', transform: `translateY(${row.start}px)` }} />)}
 *   </div>
 * </div>
 */
export function useWindowedRows({ count, rowHeight, overscan = 8, getKey, initialHeight = 600 }: WindowedRowsOptions): WindowedRows {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [viewport, setViewport] = useState({ top: 0, height: initialHeight });

  useLayoutEffect(() => {
    if (!element) return;
    const read = () =>
      setViewport((previous) =>
        previous.top === element.scrollTop && previous.height === element.clientHeight
          ? previous
          : { top: element.scrollTop, height: element.clientHeight },
      );
    read();
    // Browsers fire `scroll` at most once per frame: reading it directly keeps rows and scroll in step.
    element.addEventListener('scroll', read, { passive: true });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(read) : undefined;
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      observer?.disconnect();
    };
  }, [element]);

  const first = Math.max(0, Math.floor(viewport.top / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((viewport.top + viewport.height) / rowHeight) + overscan);
  const rows = useMemo(() => {
    const visible: WindowedRow[] = [];
    for (let index = first; index <= last; index++) {
      visible.push({ index, key: getKey ? getKey(index) : index, start: index * rowHeight, size: rowHeight });
    }
    return visible;
  }, [first, last, rowHeight, getKey]);

  return { ref: useCallback((node: HTMLElement | null) => setElement(node), []), rows, totalSize: count * rowHeight };
}
