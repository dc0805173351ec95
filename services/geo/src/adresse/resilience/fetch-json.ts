/** Why an upstream call gave no usable answer; the adapters turn it into their own coded DomainError. */
export type UpstreamFailureReason = 'timeout' | 'network' | 'http_5xx' | 'http_4xx' | 'bad_body';

export class UpstreamFailure extends Error {
  constructor(
    readonly reason: UpstreamFailureReason,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'UpstreamFailure';
  }

  /** A 4xx means our request was refused, not that the upstream is sick: it must not open a circuit. */
  get countsAgainstUpstream(): boolean {
    return this.reason !== 'http_4xx';
  }
}

export function isUpstreamOutage(error: unknown): boolean {
  return !(error instanceof UpstreamFailure) || error.countsAgainstUpstream;
}

/**
 * GET a JSON document with Node's built-in fetch (undici), bounded by `timeoutMs` for the whole exchange (headers
 * AND body: AbortSignal.timeout also aborts a body that trickles in). Every failure becomes an UpstreamFailure.
 */
export async function fetchJson(url: URL, timeoutMs: number): Promise<unknown> {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      // No correlation header: these are third-party public APIs, our internal ids stay inside.
      headers: { accept: 'application/json' },
    });
  } catch (error: unknown) {
    throw toFailure(error, signal, timeoutMs);
  }
  if (!response.ok) {
    // Drain the body so the keep-alive socket returns to the pool.
    await response.arrayBuffer().catch(() => undefined);
    const reason = response.status >= 500 ? 'http_5xx' : 'http_4xx';
    throw new UpstreamFailure(reason, `upstream answered HTTP ${response.status}`, response.status);
  }
  try {
    return await response.json();
  } catch (error: unknown) {
    if (signal.aborted) throw toFailure(error, signal, timeoutMs);
    throw new UpstreamFailure('bad_body', 'upstream answered a body that is not JSON');
  }
}

function toFailure(error: unknown, signal: AbortSignal, timeoutMs: number): UpstreamFailure {
  if (signal.aborted) return new UpstreamFailure('timeout', `no answer within ${timeoutMs} ms`);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  return new UpstreamFailure('network', `upstream unreachable (${cause})`);
}
