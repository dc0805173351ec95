import { Logger } from '@nestjs/common';
import { MetricsRegistry } from '@demarches/platform-metrics';
import { FakeCadastreServer } from '../testing/fake-cadastre.server';
import { GeoTestApp, startGeoTestApp, usagerIdentityHeader } from '../testing/geo-test-app';
import { ApiCartoCadastreProvider, ApiCartoOptions } from './apicarto/apicarto-cadastre.provider';
import { CadastreMetrics } from './apicarto/cadastre-metrics';
import { AreaGeometry } from './parcelle.entity';

const TIMEOUT_MS = 150;

/** A drawn area over the corner of 20 avenue de Ségur (Paris 7e): touches three parcels of the fake. */
const segurArea: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [2.30845123456789, 48.85055],
      [2.30875, 48.85055],
      [2.30875, 48.85085],
      [2.30845123456789, 48.85055],
    ],
  ],
};

describe('API Carto cadastre adapter over real HTTP (local fake)', () => {
  const cadastre = new FakeCadastreServer();
  let provider: ApiCartoCadastreProvider;
  const options = (max = 500): ApiCartoOptions => ({
    CADASTRE_URL: `${cadastre.url}/api/cadastre`,
    CADASTRE_TIMEOUT_MS: TIMEOUT_MS,
    CADASTRE_MAX_PARCELLES: max,
    CADASTRE_BREAKER_THRESHOLD: 2,
    CADASTRE_BREAKER_COOLDOWN_MS: 60_000,
  });

  beforeAll(async () => {
    Logger.overrideLogger(false);
    await cadastre.start();
  });

  afterAll(async () => {
    await cadastre.stop();
  });

  beforeEach(() => {
    cadastre.reset();
    provider = new ApiCartoCadastreProvider(
      options(),
      new CadastreMetrics(new MetricsRegistry({ service: 'geo', port: 0 })),
    );
  });

  it('lists the parcels a drawn polygon touches, sending the geometry as GeoJSON in the query', async () => {
    const { parcelles, truncated } = await provider.parcellesTouchees(segurArea);
    expect(parcelles.map((p) => p.id).sort()).toEqual(['75107000AB0012', '75107000AB0013', '75107000AC0004']);
    expect(parcelles[0]).toMatchObject({
      commune: '75107',
      prefixe: '000',
      nomCommune: 'Paris 7e Arrondissement',
    });
    expect(truncated).toBe(false);
    const request = cadastre.requests[0];
    expect(request.pathname).toBe('/api/cadastre/parcelle');
    expect(request.searchParams.get('_limit')).toBe('500');
    // Coordinates rounded to 7 decimals (≈ 1 cm) to keep the URL short.
    expect(JSON.parse(request.searchParams.get('geom')!)).toMatchObject({
      type: 'Polygon',
      coordinates: [
        [
          [2.3084512, 48.85055],
          [2.30875, 48.85055],
          [2.30875, 48.85085],
          [2.3084512, 48.85055],
        ],
      ],
    });
  });

  it('reads the older property names and reports a page cut at _limit as truncated', async () => {
    cadastre.legacyProperties = true;
    provider = new ApiCartoCadastreProvider(
      options(2),
      new CadastreMetrics(new MetricsRegistry({ service: 'geo', port: 0 })),
    );
    const { parcelles, truncated } = await provider.parcellesTouchees({
      type: 'MultiPolygon',
      coordinates: [segurArea.coordinates],
    });
    expect(parcelles).toHaveLength(2);
    expect(parcelles[0]).toMatchObject({ commune: '75107', prefixe: '000', section: 'AB' });
    expect(truncated).toBe(true);
  });

  it('maps a timeout, a 503 and a closed connection to CADASTRE_UNAVAILABLE, then fails fast', async () => {
    cadastre.mode = 'slow';
    cadastre.delayMs = TIMEOUT_MS * 4;
    await expect(provider.parcellesTouchees(segurArea)).rejects.toMatchObject({
      code: 'CADASTRE_UNAVAILABLE',
      kind: 'unavailable',
      details: { reason: 'timeout' },
    });
    cadastre.mode = 'error503';
    await expect(provider.parcellesTouchees(segurArea)).rejects.toMatchObject({
      code: 'CADASTRE_UNAVAILABLE',
      details: { reason: 'http_5xx' },
    });
    cadastre.mode = 'ok';
    await expect(provider.parcellesTouchees(segurArea)).rejects.toMatchObject({
      code: 'CADASTRE_UNAVAILABLE',
      details: { reason: 'circuit_open' },
    });
    expect(cadastre.requestCount).toBe(2);
  });

  it('reports a closed connection as unavailable and a refused geometry as CADASTRE_REJECTED', async () => {
    cadastre.mode = 'close';
    await expect(provider.parcellesTouchees(segurArea)).rejects.toMatchObject({
      code: 'CADASTRE_UNAVAILABLE',
      details: { reason: 'network' },
    });
    cadastre.mode = 'ok';
    const empty = { type: 'Polygon', coordinates: [] } as unknown as AreaGeometry;
    await expect(provider.parcellesTouchees(empty)).rejects.toMatchObject({
      code: 'CADASTRE_REJECTED',
      kind: 'invalid',
    });
  });
});

describe('POST /geo/cadastre/parcelles (geo HTTP surface, local fake)', () => {
  const cadastre = new FakeCadastreServer();
  let geo: GeoTestApp;

  beforeAll(async () => {
    await cadastre.start();
    geo = await startGeoTestApp({
      CADASTRE_URL: `${cadastre.url}/api/cadastre`,
      CADASTRE_TIMEOUT_MS: String(TIMEOUT_MS),
    });
  });

  afterAll(async () => {
    await geo?.app.close();
    await cadastre.stop();
  });

  beforeEach(() => cadastre.reset());

  const post = async (body: unknown, headers: Record<string, string> = usagerIdentityHeader()) => {
    const response = await fetch(`${geo.url}/geo/cadastre/parcelles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers the touched parcels as a GeoJSON FeatureCollection', async () => {
    const { status, body } = await post({ geometry: segurArea });
    expect(status).toBe(200);
    expect(body).toMatchObject({ type: 'FeatureCollection', truncated: false });
    const features = body.features as { id: string; properties: { section: string; surface: number } }[];
    expect(features).toHaveLength(3);
    expect(features.find((f) => f.id === '75107000AB0012')?.properties).toMatchObject({
      section: 'AB',
      surface: 1843,
    });
  });

  it('requires the gateway-signed identity', async () => {
    const { status } = await post({ geometry: segurArea }, {});
    expect(status).toBe(401);
    expect(cadastre.requestCount).toBe(0);
  });

  it('refuses a geometry that is not a polygon with VALIDATION_FAILED', async () => {
    const { status, body } = await post({ geometry: { type: 'Point', coordinates: [2.3, 48.85] } });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(cadastre.requestCount).toBe(0);
  });

  it('answers 503 CADASTRE_UNAVAILABLE when API Carto fails', async () => {
    cadastre.mode = 'error500';
    const { status, body } = await post({ geometry: segurArea });
    expect(status).toBe(503);
    expect(body).toMatchObject({ error: { code: 'CADASTRE_UNAVAILABLE' } });
  });
});
