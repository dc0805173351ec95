/** The part of a service config the runtime reads (a subset of httpEnv, plus internalAuthEnv when present). */
export interface RuntimeConfig {
  SERVICE_NAME: string;
  HTTP_HOST?: string;
  HTTP_PORT: number;
  METRICS_HOST?: string;
  METRICS_PORT: number;
  LOG_LEVEL: string;
  SHUTDOWN_TIMEOUT_MS: number;
  HTTP_BODY_LIMIT?: string;
  INTERNAL_TOKEN_SECRET?: string;
}
