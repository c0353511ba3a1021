import { useState } from 'react';
import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { render } from '../test/render.js';
import { useAnchoredPosition } from './use-anchored-position.js';

function Anchored({ anchorStyle, dir }: { anchorStyle: React.CSSProperties; dir?: 'rtl' }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [floating, setFloating] = useState<HTMLElement | null>(null);
  useAnchoredPosition(anchor, floating, true, { offset: 4, padding: 8 });
  return (
    <div dir={dir}>
      <button ref={setAnchor} type="button" style={{ position: 'fixed', width: 120, height: 30, ...anchorStyle }}>
        Anchor
      </button>
      <div ref={setFloating} data-testid="floating" style={{ width: 200, height: 100 }}>
        Panel
      </div>
    </div>
  );
}

const box = (testId: string) => document.querySelector(`[data-testid="${testId}"]`)!.getBoundingClientRect();
const anchorBox = () => page.getByRole('button', { name: 'Anchor' }).element().getBoundingClientRect();

test('below the anchor, aligned to its start edge', async () => {
  render(<Anchored anchorStyle={{ top: 50, left: 100 }} />);
  await expect.element(page.getByText('Panel')).toBeVisible();
  const a = anchorBox();
  const f = box('floating');
  expect(f.top).toBe(a.bottom + 4);
  expect(f.left).toBe(a.left);
  expect(document.querySelector('[data-testid="floating"]')!.getAttribute('data-side')).toBe('bottom');
});

test('above the anchor when there is no room below; kept inside the viewport on the right', async () => {
  const height = document.documentElement.clientHeight;
  const width = document.documentElement.clientWidth;
  render(<Anchored anchorStyle={{ top: height - 40, left: width - 60 }} />);
  await expect.element(page.getByText('Panel')).toBeVisible();
  const a = anchorBox();
  const f = box('floating');
  expect(f.bottom).toBe(a.top - 4);
  expect(f.right).toBe(width - 8);
  expect(document.querySelector('[data-testid="floating"]')!.getAttribute('data-side')).toBe('top');
});

test('right-to-left: aligned to the anchor’s right edge', async () => {
  render(<Anchored anchorStyle={{ top: 50, left: 250 }} dir="rtl" />);
  await expect.element(page.getByText('Panel')).toBeVisible();
  expect(box('floating').right).toBe(anchorBox().right);
});

test('follows the anchor when the page scrolls', async () => {
  function Scrolling() {
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const [floating, setFloating] = useState<HTMLElement | null>(null);
    useAnchoredPosition(anchor, floating, true);
    return (
      <div data-testid="scroller" style={{ height: 200, overflow: 'auto' }}>
        <div style={{ height: 1000, paddingTop: 100 }}>
          <button ref={setAnchor} type="button">Anchor</button>
        </div>
        <div ref={setFloating} data-testid="floating" style={{ width: 100, height: 40 }}>Panel</div>
      </div>
    );
  }
  render(<Scrolling />);
  await expect.element(page.getByText('Panel')).toBeVisible();
  const before = box('floating').top;
  document.querySelector<HTMLElement>('[data-testid="scroller"]')!.scrollTop = 50;
  await expect.poll(() => box('floating').top).toBe(before - 50);
  expect(box('floating').top).toBe(anchorBox().bottom + 4);
});
