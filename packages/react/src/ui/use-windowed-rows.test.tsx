import { useState } from 'react';
import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { render } from '../test/render.js';
import { useWindowedRows } from './use-windowed-rows.js';

const ROW = 40;

function List({ count, height = 400, show = true }: { count: number; height?: number; show?: boolean }) {
  const { ref, rows, totalSize } = useWindowedRows({ count, rowHeight: ROW, overscan: 2, getKey: (i) => `row-${i}` });
  if (!show) return <p>Loading…</p>;
  return (
    <div ref={ref} data-testid="scroller" style={{ height, overflow: 'auto' }}>
      <div data-testid="body" style={{ height: totalSize, position: 'relative' }}>
        {rows.map((row) => (
          <div key={row.key} data-row={row.index} style={{ position: 'absolute', insetInline: 0, height: row.size, transform: `translateY(${row.start}px)` }}>
            Row {row.index}
          </div>
        ))}
      </div>
    </div>
  );
}

const renderedRows = () => [...document.querySelectorAll('[data-row]')].map((el) => Number(el.getAttribute('data-row')));
const scroller = () => document.querySelector<HTMLElement>('[data-testid="scroller"]')!;

test('renders only the rows in view plus the overscan, over a body as tall as every row', async () => {
  render(<List count={10_000} />);
  await expect.element(page.getByText('Row 0', { exact: true })).toBeInTheDocument();
  // 400 px / 40 px = 10 rows in view, +1 partly, +2 overscan below; nothing above row 0.
  expect(renderedRows()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  expect(document.querySelector<HTMLElement>('[data-testid="body"]')!.style.height).toBe(`${10_000 * ROW}px`);
});

test('a scroll re-windows the rows around the new position', async () => {
  render(<List count={10_000} />);
  await expect.element(page.getByText('Row 0', { exact: true })).toBeInTheDocument();
  scroller().scrollTop = 5_000 * ROW;
  await expect.element(page.getByText('Row 5000', { exact: true })).toBeInTheDocument();
  const rows = renderedRows();
  expect(rows[0]).toBe(4_998);
  expect(rows.at(-1)).toBe(5_012);
  expect(rows).not.toContain(0);
  // Scrolled to the end: the window stops at the last row.
  scroller().scrollTop = 10_000 * ROW;
  await expect.element(page.getByText('Row 9999', { exact: true })).toBeInTheDocument();
  expect(renderedRows().at(-1)).toBe(9_999);
});

test('a taller viewport shows more rows; a shorter list never renders rows past its end', async () => {
  function Resizable() {
    const [height, setHeight] = useState(200);
    const [count, setCount] = useState(100);
    return (
      <>
        <button type="button" onClick={() => setHeight(800)}>Grow</button>
        <button type="button" onClick={() => setCount(3)}>Shrink</button>
        <List count={count} height={height} />
      </>
    );
  }
  render(<Resizable />);
  await expect.element(page.getByText('Row 0', { exact: true })).toBeInTheDocument();
  expect(renderedRows()).toHaveLength(8); // 200/40 = 5, +1, +2 overscan
  await page.getByRole('button', { name: 'Grow' }).click();
  await expect.poll(() => renderedRows().length).toBe(23); // 800/40 = 20, +1, +2
  await page.getByRole('button', { name: 'Shrink' }).click();
  await expect.poll(() => renderedRows()).toEqual([0, 1, 2]);
});

test('a scroll element that mounts after a loading state is still windowed', async () => {
  function Later() {
    const [ready, setReady] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setReady(true)}>Load</button>
        <List count={1_000} height={120} show={ready} />
      </>
    );
  }
  render(<Later />);
  await page.getByRole('button', { name: 'Load' }).click();
  await expect.element(page.getByText('Row 0', { exact: true })).toBeInTheDocument();
  // Measured at 120 px, not the 600 px assumed before: 3 rows, +1, +2.
  await expect.poll(() => renderedRows()).toEqual([0, 1, 2, 3, 4, 5]);
  scroller().scrollTop = 500 * ROW;
  await expect.element(page.getByText('Row 500', { exact: true })).toBeInTheDocument();
});
