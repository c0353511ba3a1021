import { createSeatKitClient } from '@seatkit/core';
import { SEATKIT_URL } from './config.js';
import { getToken } from './session.js';

/**
 * One client for the whole app. `getToken` is awaited before every request, so it always sends the
 * token of whoever is signed in right now (and after a 401 the client asks once more and retries).
 */
export const seatkit = createSeatKitClient({ baseUrl: SEATKIT_URL, getToken });
