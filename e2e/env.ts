/** Where the e2e servers listen (shared by the config and the tests). */
export const API_PORT = Number(process.env.SEATKIT_E2E_API_PORT ?? 4610);
export const CONSOLE_PORT = Number(process.env.SEATKIT_E2E_CONSOLE_PORT ?? 5610);
export const API_URL = `http://127.0.0.1:${API_PORT}`;
export const CONSOLE_URL = `http://localhost:${CONSOLE_PORT}`;
