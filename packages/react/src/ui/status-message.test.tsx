import { afterEach, expect, test, vi } from 'vitest';
import { act } from 'react';
import { render } from '../test/render.js';
import { StatusMessage } from './status-message.js';

afterEach(() => {
  vi.useRealTimers();
});

const region = (container: HTMLElement) => container.querySelector<HTMLElement>('[role="status"]')!;

test('a newer outcome replaces the last one in the same live region', () => {
  const { container, rerender } = render(<StatusMessage slot="member-announcement" message="Augusta King was removed." />);
  const live = region(container);
  expect(live.textContent).toBe('Augusta King was removed.');
  rerender(<StatusMessage slot="member-announcement" message="Made 2 members admin." />);
  // The same region (so it is announced), holding only the newer sentence.
  expect(region(container)).toBe(live);
  expect(live.querySelectorAll('p')).toHaveLength(1);
  expect(live.textContent).toBe('Made 2 members admin.');
});

test('an outcome leaves the screen after dismissAfterMs; the region stays for the next one', () => {
  vi.useFakeTimers();
  const { container, rerender } = render(<StatusMessage slot="member-announcement" message="Augusta King was removed." dismissAfterMs={5000} />);
  const live = region(container);
  act(() => vi.advanceTimersByTime(4999));
  expect(live.textContent).toBe('Augusta King was removed.');
  act(() => vi.advanceTimersByTime(1));
  expect(live.textContent).toBe('');
  expect(region(container)).toBe(live);

  // A later outcome shows, with its own full time on screen.
  rerender(<StatusMessage slot="member-announcement" message="Saved." dismissAfterMs={5000} />);
  expect(live.textContent).toBe('Saved.');
  act(() => vi.advanceTimersByTime(4000));
  expect(live.textContent).toBe('Saved.');
  act(() => vi.advanceTimersByTime(1000));
  expect(live.textContent).toBe('');
});

test('dismissAfterMs null keeps the outcome', () => {
  vi.useFakeTimers();
  const { container } = render(<StatusMessage slot="member-announcement" message="Saved." dismissAfterMs={null} />);
  act(() => vi.advanceTimersByTime(60_000));
  expect(region(container).textContent).toBe('Saved.');
});

test('without reduced motion the message fades over its last 400 ms', () => {
  const { container } = render(<StatusMessage slot="member-announcement" message="Saved." dismissAfterMs={3000} />);
  const p = region(container).querySelector('p')!;
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const style = getComputedStyle(p);
  expect(style.animationName).toBe(reduce ? 'none' : 'seatkit-fade-out');
  if (!reduce) expect(style.animationDelay).toBe('2.6s');
});
