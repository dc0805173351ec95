export interface MetricsOptions {
  service: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Defaults to 127.0.0.1; containers set 0.0.0.0 so Prometheus can scrape. */
  host?: string;
}

export const METRICS_OPTIONS = 'demarches:METRICS_OPTIONS';
