import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { render } from './render.js';

test('renders in the browser', async () => {
  render(<button type="button">Hello</button>);
  await expect.element(page.getByRole('button', { name: 'Hello' })).toBeVisible();
});
