import { expect, it } from 'vitest';
import * as core from '@seatkit/core';
import * as contract from '@seatkit/core/contract';

// Catches accidental additions and removals of public API: update the snapshot on purpose only.
it('exports exactly these names from @seatkit/core', () => {
  expect(Object.keys(core).sort()).toMatchSnapshot();
});

it('exports the whole contract from the main entry too', () => {
  for (const name of Object.keys(contract)) expect(core).toHaveProperty(name, (contract as Record<string, unknown>)[name]);
});
