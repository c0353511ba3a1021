export * from './errors.js';
export * from './permissions.js';
export * from './limits.js';
export * from './schemas.js';
export * from './routes.js';
export * from './webhooks.js';
export { normalizeEmail } from './email.js';
export { labelProblem } from './labels.js';
export type { LabelProblem } from './labels.js';
