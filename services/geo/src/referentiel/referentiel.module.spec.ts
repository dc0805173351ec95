import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { DomainErrorFilter } from '@demarches/platform-errors';
import { ReferentielModule } from './referentiel.module';

/** The module as the app mounts it: routes, query validation and coded errors over real HTTP (no infrastructure). */
describe(ReferentielModule.name, () => {
  let app: INestApplication;
  let base: string;
  const get = async (path: string): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    app = await NestFactory.create(ReferentielModule, { logger: false });
    app.useGlobalFilters(new DomainErrorFilter(app.get(HttpAdapterHost)));
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('serves régions, départements, EPCI and pays with their source', async () => {
    expect((await get('/geo/regions')).body).toMatchObject({ source: expect.stringMatching(/^@etalab\//) });
    expect((await get('/geo/regions/94')).body).toMatchObject({ region: { nom: 'Corse' } });
    expect((await get('/geo/departements?q=reunion')).body).toMatchObject({
      departements: [{ code: '974', region: '04' }],
    });
    expect((await get('/geo/departements/2a')).body).toMatchObject({ departement: { code: '2A' } });
    expect((await get('/geo/epci?departement=974&limit=2')).body.epcis).toHaveLength(2);
    expect((await get('/geo/epci/200046977')).body).toMatchObject({ epci: { type: 'MET69' } });
    expect((await get('/geo/pays?q=etats%20unis&limit=1')).body).toEqual({
      source: expect.stringMatching(/^i18n-iso-countries@/),
      pays: [{ code: 'US', nom: "États-Unis d'Amérique" }],
    });
    expect((await get('/geo/pays/de')).body).toMatchObject({ pays: { code: 'DE', nom: 'Allemagne' } });
  });

  it('answers an unknown code with a coded 404', async () => {
    expect(await get('/geo/departements/20')).toEqual({
      status: 404,
      body: { error: expect.objectContaining({ code: 'DEPARTEMENT_NOT_FOUND', details: { code: '20' } }) },
    });
    expect((await get('/geo/pays/ZZ')).body).toMatchObject({ error: { code: 'PAYS_NOT_FOUND' } });
    expect((await get('/geo/epci/123456789')).status).toBe(404);
    expect((await get('/geo/regions/99')).status).toBe(404);
  });

  it('refuses malformed parameters with VALIDATION_FAILED', async () => {
    for (const path of ['/geo/departements/6', '/geo/epci/abc', '/geo/pays/FRA', '/geo/epci?limit=0']) {
      const { status, body } = await get(path);
      expect({ path, status, code: (body.error as { code: string }).code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });
});
