import { beforeAll } from 'vitest';
import { configure } from 'storybook/test';
import { getStoryServer } from './backend';

// Creating the page's server runs PGlite's initdb: ~3 s on an idle machine, much longer on a busy one.
// It happens here, once per page under the hook timeout, so the first story of a run does not pay
// for it out of its own test timeout.
beforeAll(async () => {
  await getStoryServer();
});

// Play functions wait for states (findBy*, waitFor), and on a loaded machine a state can take more than
// Testing Library's default second to arrive (a debounced search, then a request to the in-page server).
// Waiting longer costs nothing when the state comes early; a state that never comes still fails.
configure({ asyncUtilTimeout: 10_000 });
