import { Logger } from '@nestjs/common';
import { MetricsRegistry } from '@demarches/platform-metrics';
import { FakeBanServer } from '../testing/fake-ban.server';
import { GeoTestApp, startGeoTestApp } from '../testing/geo-test-app';
import { AdresseSearch } from './adresse.entity';
import { BanAdresseProvider, BanOptions } from './ban/ban-adresse.provider';
import { BanMetrics } from './ban/ban-metrics';
import { DEGRADED_MESSAGE } from './use-cases/rechercher-adresses/rechercher-adresses.use-case';

// Short durations so the breaker and the timeout can be exercised in real time.
const TIMEOUT_MS = 150;
const COOLDOWN_MS = 300;
const THRESHOLD = 3;

const segur: AdresseSearch = { q: '20 avenue de segur', limit: 5, autocomplete: true };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads one sample of the Prometheus text exposition. */
async function metric(registry: MetricsRegistry, line: string): Promise<number | undefined> {
  const text = await registry.render();
  const found = text.split('\n').find((l) => l.startsWith(line));
  return found === undefined ? undefined : Number(found.slice(found.lastIndexOf(' ') + 1));
}

describe('BAN adapter over real HTTP (local fake BAN)', () => {
  const ban = new FakeBanServer();
  let registry: MetricsRegistry;
  let provider: BanAdresseProvider;

  beforeAll(async () => {
    // The adapter logs each failure: expected here, noise in the test output.
    Logger.overrideLogger(false);
    await ban.start();
  });

  afterAll(async () => {
    await ban.stop();
  });

  beforeEach(() => {
    ban.reset();
    registry = new MetricsRegistry({ service: 'geo', port: 0 });
    const options: BanOptions = {
      BAN_URL: ban.url,
      BAN_TIMEOUT_MS: TIMEOUT_MS,
      BAN_CACHE_SIZE: 100,
      BAN_CACHE_TTL_MS: 60_000,
      BAN_BREAKER_THRESHOLD: THRESHOLD,
      BAN_BREAKER_COOLDOWN_MS: COOLDOWN_MS,
    };
    provider = new BanAdresseProvider(options, new BanMetrics(registry));
  });

  it('finds an address with its BAN id, postal code and point', async () => {
    const suggestions = await provider.search(segur);
    expect(suggestions[0]).toMatchObject({
      id: '75107_8909_00020',
      label: '20 Avenue de Ségur 75007 Paris',
      postcode: '75007',
      citycode: '75107',
      departementCode: '75',
      coordinates: [2.308594, 48.850699],
    });
    expect(ban.requests[0].pathname).toBe('/search/');
    expect(Object.fromEntries(ban.requests[0].searchParams)).toEqual({
      q: '20 avenue de segur',
      limit: '5',
      autocomplete: '1',
    });
  });

  it('passes the postcode, citycode and type filters to the BAN', async () => {
    const paris = await provider.search({ q: 'rue', limit: 5, autocomplete: true, citycode: '75104' });
    expect(paris.map((s) => s.id)).toEqual(['75104_8244_00010']);
    const corse = await provider.search({ q: 'ajaccio', limit: 5, autocomplete: true, type: 'municipality' });
    expect(corse[0]).toMatchObject({ citycode: '2A004', departementCode: '2A' });
    expect(ban.requests.map((r) => r.searchParams.get('citycode') ?? r.searchParams.get('type'))).toEqual([
      '75104',
      'municipality',
    ]);
  });

  it('answers a repeated search from the cache without a second HTTP call', async () => {
    await provider.search(segur);
    const again = await provider.search({ ...segur, q: '  20 Avenue  de SEGUR ' });
    expect(again[0]?.id).toBe('75107_8909_00020');
    expect(ban.requestCount).toBe(1);
    expect(await metric(registry, 'geo_ban_requests_total{outcome="cache_hit"')).toBe(1);
    await provider.search({ ...segur, limit: 1 });
    expect(ban.requestCount).toBe(2);
  });

  it('gives up after BAN_TIMEOUT_MS with BAN_UNAVAILABLE, and does not cache the failure', async () => {
    ban.mode = 'slow';
    ban.delayMs = TIMEOUT_MS * 4;
    const started = Date.now();
    await expect(provider.search(segur)).rejects.toMatchObject({
      code: 'BAN_UNAVAILABLE',
      kind: 'unavailable',
      details: { reason: 'timeout' },
    });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 3);
    ban.mode = 'ok';
    await expect(provider.search(segur)).resolves.toHaveLength(1);
    expect(ban.requestCount).toBe(2);
  });

  it('maps 503, 500 and closed connections to BAN_UNAVAILABLE, and a 400 to BAN_REJECTED', async () => {
    for (const [mode, reason] of [
      ['error503', 'http_5xx'],
      ['error500', 'http_5xx'],
      ['close', 'network'],
    ] as const) {
      ban.mode = mode;
      await expect(provider.search({ ...segur, q: `${mode} street` })).rejects.toMatchObject({
        code: 'BAN_UNAVAILABLE',
        details: { reason },
      });
      // Reset the consecutive-failure count so the breaker does not hide the next mode.
      ban.mode = 'ok';
      await provider.search({ ...segur, q: `ok ${mode}` });
    }
    // The fake, like the BAN, refuses a q under 3 characters once normalised: a rejection, not an outage.
    await expect(provider.search({ ...segur, q: ' ab ' })).rejects.toMatchObject({ code: 'BAN_REJECTED' });
    expect(provider.circuitState).toBe('closed');
  });

  it('opens the circuit after N failures, stops calling the BAN, then recovers after the cool-down', async () => {
    ban.mode = 'error503';
    for (let i = 0; i < THRESHOLD; i += 1) {
      await expect(provider.search({ ...segur, q: `rue ${i}` })).rejects.toMatchObject({
        code: 'BAN_UNAVAILABLE',
      });
    }
    expect(provider.circuitState).toBe('open');
    expect(await metric(registry, 'geo_ban_circuit_open')).toBe(1);

    ban.mode = 'ok';
    await expect(provider.search(segur)).rejects.toMatchObject({ details: { reason: 'circuit_open' } });
    expect(ban.requestCount).toBe(THRESHOLD);
    expect(await metric(registry, 'geo_ban_requests_total{outcome="circuit_open"')).toBe(1);

    await sleep(COOLDOWN_MS + 50);
    await expect(provider.search(segur)).resolves.toHaveLength(1);
    expect(provider.circuitState).toBe('closed');
    expect(await metric(registry, 'geo_ban_circuit_open')).toBe(0);
    expect(await metric(registry, 'geo_ban_requests_total{outcome="http_5xx"')).toBe(THRESHOLD);
    expect(await metric(registry, 'geo_ban_requests_total{outcome="success"')).toBe(1);
  });

  it('reopens at once when the probe after the cool-down fails', async () => {
    ban.mode = 'close';
    for (let i = 0; i < THRESHOLD; i += 1) await provider.search({ ...segur, q: `rue ${i}` }).catch(() => 0);
    await sleep(COOLDOWN_MS + 50);
    await expect(provider.search(segur)).rejects.toMatchObject({ details: { reason: 'network' } });
    expect(provider.circuitState).toBe('open');
    expect(ban.requestCount).toBe(THRESHOLD + 1);
  });
});

describe('GET /geo/adresses (geo HTTP surface, local fake BAN)', () => {
  const ban = new FakeBanServer();
  let geo: GeoTestApp;

  beforeAll(async () => {
    await ban.start();
    geo = await startGeoTestApp({
      BAN_URL: ban.url,
      BAN_TIMEOUT_MS: String(TIMEOUT_MS),
      BAN_BREAKER_THRESHOLD: String(THRESHOLD),
      BAN_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS),
    });
  });

  afterAll(async () => {
    await geo?.app.close();
    await ban.stop();
  });

  beforeEach(() => ban.reset());

  const get = async (query: string) => {
    const response = await fetch(`${geo.url}/geo/adresses?${query}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers suggestions without an identity (public autocomplete)', async () => {
    const { status, body } = await get('q=bellecour&postcode=69002&limit=3');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      degraded: false,
      suggestions: [{ id: '69382_0620', label: 'Place Bellecour 69002 Lyon', type: 'street' }],
    });
  });

  it('refuses an invalid query with VALIDATION_FAILED before calling the BAN', async () => {
    const { status, body } = await get('q=ab&postcode=7500');
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(ban.requestCount).toBe(0);
  });

  it('answers 200 in degraded mode when the BAN times out, and stays ready', async () => {
    ban.mode = 'slow';
    ban.delayMs = TIMEOUT_MS * 4;
    const { status, body } = await get('q=8%20boulevard%20du%20port');
    expect(status).toBe(200);
    expect(body).toEqual({ degraded: true, suggestions: [], message: DEGRADED_MESSAGE });
    const ready = await fetch(`${geo.url}/health/ready`);
    expect(ready.status).toBe(200);
  });
});
