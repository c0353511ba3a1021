/**
 * `@seatkit/core/contract` — the HTTP contract as zod schemas, error codes and permissions.
 * Shared by the server, the client and the Storybook backend.
 */
export * from './contract/index.js';
// The domain's rules travel with the contract: the server imports only this entry.
export * from './policy/index.js';
// The CSV encoding of the exports (the server's member export, the kit's audit export).
export { csvLine, type CsvValue } from './csv.js';
