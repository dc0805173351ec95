import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication, Module } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { INTERNAL_IDENTITY_HEADER, InternalAuthModule, signInternalIdentity } from '@demarches/platform-auth';
import { DomainErrorFilter } from '@demarches/platform-errors';
import { CarteController } from './carte.controller';
import { CarteModule } from './carte.module';

const SECRET = 'carte-controller-spec-internal-secret-0123456789';

@Module({
  imports: [CarteModule, InternalAuthModule.forRoot({ secret: SECRET })],
  providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
})
class TestModule {}

describe(CarteController.name, () => {
  let app: INestApplication;
  let baseUrl: string;
  const usager = signInternalIdentity({ sub: 'u1', email: 'usager@example.fr', roles: ['usager'] }, SECRET, {
    ttlSeconds: 3600,
  });

  beforeAll(async () => {
    app = await NestFactory.create(TestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });
  afterAll(() => app.close());

  const post = async (path: string, body: unknown, token: string | null = usager) => {
    const res = await fetch(`${baseUrl}/geo/carte/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { [INTERNAL_IDENTITY_HEADER]: token } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, never> };
  };
  const square = [
    [4.83, 45.76],
    [4.831, 45.76],
    [4.831, 45.761],
    [4.83, 45.761],
    [4.83, 45.76],
  ];

  it('requires a signed-in identity', async () => {
    expect((await post('valider', { geojson: {} }, null)).status).toBe(401);
    expect((await post('import', { format: 'gpx', content: '<gpx/>' }, null)).status).toBe(401);
  });

  it('answers 200 with the normalised features and their measures for a valid drawing', async () => {
    const geojson = {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [square] },
      properties: null,
    };
    const { status, body } = await post('valider', { geojson });
    expect(status).toBe(200);
    expect(body).toEqual({
      valid: true,
      features: { type: 'FeatureCollection', features: [{ ...geojson, properties: {} }] },
      measures: {
        features: [{ index: 0, geometryType: 'Polygon', area: expect.any(Number) }],
        totalArea: expect.any(Number),
        totalLength: 0,
      },
    });
    // About 78 m × 111 m at 45.76° N.
    expect(body.measures['totalArea']).toBeGreaterThan(8_600);
    expect(body.measures['totalArea']).toBeLessThan(8_700);
  });

  it('answers 400 CARTE_INVALIDE with every problem', async () => {
    const geojson = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [181, 0] }, properties: {} },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0]] }, properties: {} },
      ],
    };
    const { status, body } = await post('valider', { geojson });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        code: 'CARTE_INVALIDE',
        message: expect.stringContaining('2 problèmes'),
        details: {
          total: 2,
          violations: [
            { path: 'features.0.geometry.coordinates.0', message: expect.any(String) },
            { path: 'features.1.geometry.coordinates', message: expect.any(String) },
          ],
        },
      },
    });
  });

  it('answers 400 VALIDATION_FAILED for a request without geojson', async () => {
    const { status, body } = await post('valider', {});
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('imports a GPX file into features and measures', async () => {
    const content = readFileSync(join(__dirname, 'samples', 'vosges-schlucht-hohneck.gpx'), 'utf8');
    const { status, body } = await post('import', { format: 'gpx', content });
    expect(status).toBe(200);
    expect(body.features['features']).toHaveLength(4);
    expect(body.measures['totalLength']).toBeGreaterThan(2_000);
  });

  it('answers 400 CARTE_IMPORT_INVALIDE for an unreadable file and VALIDATION_FAILED for an unknown format', async () => {
    const broken = await post('import', { format: 'kml', content: '<kml><Placemark>' });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ error: { code: 'CARTE_IMPORT_INVALIDE' } });
    const shapefile = await post('import', { format: 'shp', content: 'x' });
    expect(shapefile.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { violations: [{ path: 'format' }] } },
    });
  });
});
