/**
 * `@seatkit/server` — the SeatKit reference backend as a Hono app. This entry is browser-safe
 * (Storybook runs it over in-browser PGlite); Node-only parts live in `@seatkit/server/node`.
 */
export { createSeatKitServer } from './server.js';
export type { SeatKitServer, SeatKitServerOptions } from './server.js';
export { createPGliteDatabase } from './db/pglite.js';
export type { PGliteDatabaseOptions, PGliteInstance, PGliteQueryable } from './db/pglite.js';
export type { Database, Queryable, QueryResult } from './db/database.js';
export { MIGRATIONS, migrate } from './db/migrations.js';
export type { AuthOptions, CustomAuthOptions, DevAuthOptions, HostIdentity, JwtAuthOptions } from './auth.js';
export type { RateLimits } from './context.js';
export type { Mailer, MailMessage, DispatchResult } from './mail.js';
export { createLogMailer } from './mail.js';
export type { Logger } from './logger.js';
export { consoleLogger, silentLogger } from './logger.js';
export type { DemoSeed } from './seed.js';
export { DEMO_USERS } from './seed.js';
export { ApiError } from './errors.js';
