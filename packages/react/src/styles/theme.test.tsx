import { expect, test } from 'vitest';
import { render } from '../test/render.js';

// The shipped stylesheet is loaded by the test setup. Each colour is one light-dark() value: these
// check that the scheme in force where a part is drawn picks the right one.

const drawn = (testId: string) => getComputedStyle(document.querySelector(`[data-testid='${testId}']`)!).backgroundColor;

test('light by default, dark under .dark or [data-theme=dark], light again under a nested .light', () => {
  render(
    <div className="seatkit-root">
      <button type="button" className="seatkit-button" data-variant="primary" data-testid="default">Save</button>
      <div className="dark">
        <button type="button" className="seatkit-button" data-variant="primary" data-testid="dark">Save</button>
        <div className="light">
          <button type="button" className="seatkit-button" data-variant="primary" data-testid="light-in-dark">Save</button>
        </div>
      </div>
      <div data-theme="dark">
        <button type="button" className="seatkit-button" data-variant="primary" data-testid="attribute">Save</button>
      </div>
    </div>,
  );
  expect(drawn('default')).toBe('rgb(29, 78, 216)'); // #1d4ed8
  expect(drawn('dark')).toBe('rgb(96, 165, 250)'); // #60a5fa
  expect(drawn('attribute')).toBe('rgb(96, 165, 250)');
  expect(drawn('light-in-dark')).toBe('rgb(29, 78, 216)');
});

test("a host's plain value applies in both schemes; light-dark() sets each", () => {
  render(
    <div className="seatkit-root">
      <div style={{ ['--seatkit-primary' as string]: '#7c3aed' }}>
        <button type="button" className="seatkit-button" data-variant="primary" data-testid="plain-light">Save</button>
        <div className="dark">
          <button type="button" className="seatkit-button" data-variant="primary" data-testid="plain-dark">Save</button>
        </div>
      </div>
      <div style={{ ['--seatkit-primary' as string]: 'light-dark(#7c3aed, #a78bfa)' }} className="dark">
        <button type="button" className="seatkit-button" data-variant="primary" data-testid="both-dark">Save</button>
      </div>
    </div>,
  );
  expect(drawn('plain-light')).toBe('rgb(124, 58, 237)');
  expect(drawn('plain-dark')).toBe('rgb(124, 58, 237)');
  expect(drawn('both-dark')).toBe('rgb(167, 139, 250)');
});
