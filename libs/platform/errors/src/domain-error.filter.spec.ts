import { BadRequestException, Controller, Get, INestApplication, Logger, Module } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { DomainError } from './domain-error';
import { DomainErrorFilter } from './domain-error.filter';
import { domainErrorFromBody, errorBody, isErrorBody } from './error-body';

class DossierException extends DomainError<'DOSSIER_NOT_FOUND' | 'DOSSIER_NOT_EDITABLE'> {}

@Controller()
class FailingController {
  @Get('not-found')
  notFound(): never {
    throw new DossierException('DOSSIER_NOT_FOUND', 'not_found', 'Dossier introuvable.', { dossierId: 'd1' });
  }

  @Get('conflict')
  conflict(): never {
    throw new DossierException('DOSSIER_NOT_EDITABLE', 'conflict', "Le dossier n'est plus modifiable.");
  }

  @Get('crash')
  crash(): never {
    throw new TypeError('cannot read properties of undefined');
  }

  @Get('validation')
  validation(): never {
    throw new BadRequestException({
      message: ['email must be an email'],
      error: 'Bad Request',
      statusCode: 400,
    });
  }
}

@Module({
  controllers: [FailingController],
  providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
})
class TestModule {}

describe(DomainErrorFilter.name, () => {
  let app: INestApplication;
  let baseUrl: string;
  const logged: unknown[][] = [];

  beforeAll(async () => {
    app = await NestFactory.create(TestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });
  afterAll(() => app.close());
  beforeEach(() => {
    logged.length = 0;
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
  });
  afterEach(() => jest.restoreAllMocks());

  async function get(path: string): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${baseUrl}${path}`);
    return { status: res.status, body: await res.json() };
  }

  it('answers a not_found domain error with 404 and its code, message and details', async () => {
    const { status, body } = await get('/not-found');
    expect(status).toBe(404);
    expect(body).toEqual({
      error: { code: 'DOSSIER_NOT_FOUND', message: 'Dossier introuvable.', details: { dossierId: 'd1' } },
    });
    expect(logged).toHaveLength(0);
  });

  it('answers a conflict with 409 without an errorId', async () => {
    const { status, body } = await get('/conflict');
    expect(status).toBe(409);
    expect(body).toEqual({
      error: { code: 'DOSSIER_NOT_EDITABLE', message: "Le dossier n'est plus modifiable." },
    });
  });

  it('hides an unknown error behind a 500 whose errorId is logged once with the stack', async () => {
    const { status, body } = await get('/crash');
    expect(status).toBe(500);
    expect(isErrorBody(body)).toBe(true);
    const error = (body as { error: { code: string; message: string; errorId?: string } }).error;
    expect(error.code).toBe('INTERNAL_ERROR');
    expect(error.message).not.toContain('undefined');
    expect(error.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged).toHaveLength(1);
    const [fields] = logged[0] as [{ errorId: string; err: Error }];
    expect(fields.errorId).toBe(error.errorId);
    expect(fields.err.stack).toContain('TypeError');
  });

  it('maps validation errors to VALIDATION_FAILED with the violations', async () => {
    const { status, body } = await get('/validation');
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'La requête est invalide.',
        details: { violations: [{ path: '(racine)', message: 'email must be an email' }] },
      },
    });
  });

  it("maps Nest's own HttpExceptions (unknown route) to HTTP_<status>", async () => {
    const { status, body } = await get('/nowhere');
    expect(status).toBe(404);
    expect((body as { error: { code: string } }).error.code).toBe('HTTP_404');
  });
});

describe('errorBody', () => {
  it('round-trips a domain error for request-reply', () => {
    const original = new DomainError('DOSSIER_NOT_FOUND', 'not_found', 'Dossier introuvable.', {
      dossierId: 'd1',
    });
    const rebuilt = domainErrorFromBody(errorBody(original), 'not_found');
    expect(rebuilt).toBeInstanceOf(DomainError);
    expect({
      code: rebuilt.code,
      kind: rebuilt.kind,
      message: rebuilt.message,
      details: rebuilt.details,
    }).toEqual({
      code: 'DOSSIER_NOT_FOUND',
      kind: 'not_found',
      message: 'Dossier introuvable.',
      details: { dossierId: 'd1' },
    });
  });

  it('recognises only well-formed bodies', () => {
    expect(isErrorBody({ error: { code: 'X', message: 'y' } })).toBe(true);
    expect(isErrorBody({ error: { code: 1 } })).toBe(false);
    expect(isErrorBody('error')).toBe(false);
  });
});
