/**
 * Running the server in production (Node only): health and readiness probes, JSON request logs, Prometheus metrics and
 * graceful shutdown. `startNodeServer` serves the probes; `createServerOps` ties the logs and metrics to a server.
 */
import type { RequestEvent } from '../server.js';
import { createJsonLogger, type JsonLogger, type LogLevel } from './logging.js';
import type { OpsMetrics } from './metrics.js';

export { createJsonLogger, LOG_LEVELS, type JsonLogger, type LogLevel } from './logging.js';
export { createOpsMetrics, type OpsMetrics } from './metrics.js';
export { readiness, type Readiness } from './health.js';
export { OPS_PATHS } from './endpoints.js';

export interface ServerOps {
  /** Give it to `createSeatKitServer` as `logger`. */
  logger: JsonLogger;
  /** Give it to `createSeatKitServer` as `onRequest`: a JSON line per request, and the request metrics. */
  onRequest(event: RequestEvent): void;
  /** Set by `startNodeServer` (it knows the database) when it is given these ops. */
  metrics: OpsMetrics | null;
}

/**
 * The logs and metrics of one server: pass `logger` and `onRequest` to `createSeatKitServer`, and the whole object to
 * `startNodeServer({ ops })`.
 *
 * @example
 * const ops = createServerOps({ level: 'info' });
 * const server = await createSeatKitServer({ database, auth, logger: ops.logger, onRequest: ops.onRequest });
 * await startNodeServer(server, { ops, metricsKey: process.env.SEATKIT_SERVER_KEY });
 */
export function createServerOps(options: { level?: LogLevel; write?: (line: string) => void } = {}): ServerOps {
  const logger = createJsonLogger({ level: options.level, write: options.write ?? ((line) => process.stdout.write(line)) });
  const ops: ServerOps = {
    logger,
    metrics: null,
    onRequest(event) {
      logger.request(event);
      ops.metrics?.observe(event);
    },
  };
  return ops;
}
