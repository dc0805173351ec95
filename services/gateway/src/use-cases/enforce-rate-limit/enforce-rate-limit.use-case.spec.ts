import { GatewayErrorCode, GatewayException } from '../../gateway.exception';
import { RateLimitStore } from '../../rate-limit/rate-limit.store';
import { EnforceRateLimitUseCase } from './enforce-rate-limit.use-case';

/** The same fixed-window arithmetic as the Redis store, in memory. */
class InMemoryRateLimitStore implements RateLimitStore {
  readonly counts = new Map<string, number>();

  async hit(key: string, windowS: number, nowMs: number): Promise<{ count: number; resetInS: number }> {
    const window = Math.floor(nowMs / (windowS * 1000));
    const id = `${key}:${window}`;
    const count = (this.counts.get(id) ?? 0) + 1;
    this.counts.set(id, count);
    return { count, resetInS: Math.ceil(((window + 1) * windowS * 1000 - nowMs) / 1000) };
  }
}

const config = {
  RATE_LIMIT_ENABLED: true,
  RATE_LIMIT_WINDOW_S: 60,
  RATE_LIMIT_AUTHENTICATED: 3,
  RATE_LIMIT_ANONYMOUS: 2,
  RATE_LIMIT_ACCOUNT: 2,
  RATE_LIMIT_ACCOUNT_WINDOW_S: 15,
  RATE_LIMIT_API_TOKEN: 4,
  RATE_LIMIT_API_TOKEN_WINDOW_S: 60,
};
const usager = { sub: 'kc-1', email: 'usager@demo.demarches.fr', roles: ['usager' as const] };
const T0 = 1_800_000_000_000; // the start of a 60 s window

async function attempts(
  useCase: EnforceRateLimitUseCase,
  n: number,
  input: Parameters<EnforceRateLimitUseCase['execute']>[0],
): Promise<(GatewayException | 'ok')[]> {
  const results: (GatewayException | 'ok')[] = [];
  for (let i = 0; i < n; i++) {
    results.push(
      await useCase.execute(input).then(
        () => 'ok' as const,
        (error: unknown) => {
          if (error instanceof GatewayException) return error;
          throw error;
        },
      ),
    );
  }
  return results;
}

describe(EnforceRateLimitUseCase.name, () => {
  it('lets an anonymous client make its budget of requests per window, then refuses with RATE_LIMITED', async () => {
    const useCase = new EnforceRateLimitUseCase(new InMemoryRateLimitStore(), config);
    const results = await attempts(useCase, 3, {
      identity: undefined,
      clientIp: '10.0.0.1',
      nowMs: T0 + 15_000,
    });
    expect(results.slice(0, 2)).toEqual(['ok', 'ok']);
    expect(results[2]).toMatchObject({
      code: GatewayErrorCode.RateLimited,
      status: 429,
      details: { retryAfterS: 45 },
    });
  });

  it('gives a signed-in user a larger budget, counted per account not per IP', async () => {
    const useCase = new EnforceRateLimitUseCase(new InMemoryRateLimitStore(), config);
    const fromTwoDevices = [
      ...(await attempts(useCase, 2, { identity: usager, clientIp: '10.0.0.1', nowMs: T0 })),
      ...(await attempts(useCase, 2, { identity: usager, clientIp: '10.0.0.2', nowMs: T0 })),
    ];
    expect(fromTwoDevices.map((r) => (r === 'ok' ? r : r.code))).toEqual([
      'ok',
      'ok',
      'ok',
      GatewayErrorCode.RateLimited,
    ]);
  });

  it('keeps anonymous clients apart by IP', async () => {
    const useCase = new EnforceRateLimitUseCase(new InMemoryRateLimitStore(), config);
    await attempts(useCase, 2, { identity: undefined, clientIp: '10.0.0.1', nowMs: T0 });
    await expect(
      useCase.execute({ identity: undefined, clientIp: '10.0.0.9', nowMs: T0 }),
    ).resolves.toBeUndefined();
  });

  it('starts a fresh budget in the next window', async () => {
    const useCase = new EnforceRateLimitUseCase(new InMemoryRateLimitStore(), config);
    await attempts(useCase, 3, { identity: undefined, clientIp: '10.0.0.1', nowMs: T0 });
    await expect(
      useCase.execute({ identity: undefined, clientIp: '10.0.0.1', nowMs: T0 + 60_000 }),
    ).resolves.toBeUndefined();
  });

  it('limits account routes per IP with their own short window, whoever is signed in', async () => {
    const useCase = new EnforceRateLimitUseCase(new InMemoryRateLimitStore(), config);
    const other = { ...usager, sub: 'kc-2' };
    const results = [
      ...(await attempts(useCase, 2, { identity: usager, clientIp: '10.0.0.1', account: true, nowMs: T0 })),
      ...(await attempts(useCase, 1, { identity: other, clientIp: '10.0.0.1', account: true, nowMs: T0 })),
    ];
    expect(results.slice(0, 2)).toEqual(['ok', 'ok']);
    expect(results[2]).toMatchObject({ status: 429, details: { retryAfterS: 15 } });
    // Another IP is not affected, and the budget comes back with the next 15 s window.
    await expect(
      useCase.execute({ identity: other, clientIp: '10.0.0.2', account: true, nowMs: T0 }),
    ).resolves.toBeUndefined();
    await expect(
      useCase.execute({ identity: other, clientIp: '10.0.0.1', account: true, nowMs: T0 + 15_000 }),
    ).resolves.toBeUndefined();
  });

  it('limits an API token per token, apart from its owner’s own budget', async () => {
    const useCase = new EnforceRateLimitUseCase(new InMemoryRateLimitStore(), config);
    const token = {
      ...usager,
      via: 'api_token' as const,
      token: { id: 't-1', scope: 'all' as const, access: 'read' as const },
    };
    const results = [
      ...(await attempts(useCase, 2, { identity: token, clientIp: '10.0.0.1', nowMs: T0 })),
      ...(await attempts(useCase, 3, { identity: token, clientIp: '10.0.0.2', nowMs: T0 })),
    ];
    expect(results.map((r) => (r === 'ok' ? r : r.status))).toEqual(['ok', 'ok', 'ok', 'ok', 429]);
    await expect(
      useCase.execute({ identity: usager, clientIp: '10.0.0.1', nowMs: T0 }),
    ).resolves.toBeUndefined();
  });

  it('does nothing when disabled', async () => {
    const useCase = new EnforceRateLimitUseCase(new InMemoryRateLimitStore(), {
      ...config,
      RATE_LIMIT_ENABLED: false,
    });
    const results = await attempts(useCase, 5, { identity: undefined, clientIp: '10.0.0.1', nowMs: T0 });
    expect(results.every((r) => r === 'ok')).toBe(true);
  });

  it('allows the request when the store is unreachable', async () => {
    const broken: RateLimitStore = { hit: () => Promise.reject(new Error('ECONNREFUSED')) };
    const useCase = new EnforceRateLimitUseCase(broken, config);
    await expect(
      useCase.execute({ identity: undefined, clientIp: '10.0.0.1', nowMs: T0 }),
    ).resolves.toBeUndefined();
  });
});
