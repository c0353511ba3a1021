/**
 * `@seatkit/core/contract` — the HTTP contract as zod schemas, error codes and permissions.
 * Shared by the server, the client and the Storybook backend.
 */
export * from './contract/index.js';
