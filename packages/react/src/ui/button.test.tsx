import { expect, test } from 'vitest';
import { render } from '../test/render.js';

// The shipped stylesheet is loaded by the test setup: these check what it draws.

test('a worded ghost button is outlined (it reads as a button); an icon-only one stays bare', () => {
  const { container } = render(
    <div className="seatkit-root">
      <button type="button" className="seatkit-button" data-variant="ghost" data-size="sm">
        Unassign
      </button>
      <button type="button" className="seatkit-button seatkit-icon-button" data-variant="ghost" data-icon-only="" aria-label="Edit">
        ✎
      </button>
    </div>,
  );
  const [worded, icon] = [...container.querySelectorAll('button')];
  const style = getComputedStyle(worded!);
  expect(style.borderTopStyle).toBe('solid');
  expect(style.borderTopColor).not.toBe('rgba(0, 0, 0, 0)');
  expect(getComputedStyle(icon!).borderTopColor).toBe('rgba(0, 0, 0, 0)');
});

test('a form holding a dialog body and footer spaces them like the dialog (1rem), not 4 px', () => {
  const { container } = render(
    <div className="seatkit-root">
      <div className="seatkit-dialog" data-slot="dialog-content">
        <form>
          <div className="seatkit-dialog-body">
            <fieldset className="seatkit-fieldset">permissions</fieldset>
          </div>
          <div className="seatkit-dialog-footer">
            <button type="button" className="seatkit-button">Cancel</button>
          </div>
        </form>
      </div>
    </div>,
  );
  const body = container.querySelector('.seatkit-dialog-body')!.getBoundingClientRect();
  const footer = container.querySelector('.seatkit-dialog-footer')!.getBoundingClientRect();
  expect(footer.top - body.bottom).toBe(16);
});

test('the accept-invitation card is centred in its container', () => {
  const { container } = render(
    <div style={{ inlineSize: 900 }}>
      <section className="seatkit-root seatkit-accept-invitation" data-slot="accept-invitation" data-state="ready">
        card
      </section>
    </div>,
  );
  const outer = container.firstElementChild!.getBoundingClientRect();
  const card = container.querySelector('section')!.getBoundingClientRect();
  expect(Math.abs(card.left - outer.left - (outer.right - card.right))).toBeLessThanOrEqual(1);
});
