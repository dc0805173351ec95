import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { DomainErrorFilter } from '@demarches/platform-errors';
import { CurrentUser, Public, RequireRole } from './auth.decorators';
import { INTERNAL_IDENTITY_HEADER, InternalIdentity } from './identity';
import { InternalAuthGuard } from './internal-auth.guard';
import { InternalAuthModule } from './internal-auth.module';
import { signInternalIdentity } from './internal-token';

const SECRET = 'a-very-long-internal-token-secret-0123456789';

@Controller()
class DossierController {
  @Get('me')
  me(@CurrentUser() user: InternalIdentity): InternalIdentity {
    return user;
  }

  @Get('admin')
  @RequireRole('administrateur')
  admin(): { ok: true } {
    return { ok: true };
  }

  @Get('public')
  @Public()
  open(): { ok: true } {
    return { ok: true };
  }

  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

@Module({
  imports: [InternalAuthModule.forRoot({ secret: SECRET })],
  controllers: [DossierController],
  providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
})
class TestModule {}

describe(InternalAuthGuard.name, () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await NestFactory.create(TestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });
  afterAll(() => app.close());

  const call = async (path: string, token?: string) => {
    const res = await fetch(`${baseUrl}${path}`, {
      headers: token ? { [INTERNAL_IDENTITY_HEADER]: token } : {},
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const usager: InternalIdentity = { sub: 'u1', email: 'usager@example.fr', roles: ['usager'] };

  it('refuses a request without identity with 401 UNAUTHENTICATED', async () => {
    expect(await call('/me')).toEqual({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED', message: 'Authentification requise.' } },
    });
  });

  it('refuses a forged identity', async () => {
    const forged = signInternalIdentity(usager, 'a-secret-the-attacker-picked-himself-1234');
    expect((await call('/me', forged)).status).toBe(401);
  });

  it('hands the verified identity to the handler', async () => {
    expect(await call('/me', signInternalIdentity(usager, SECRET))).toEqual({ status: 200, body: usager });
  });

  it('refuses a caller without the required role with 403 FORBIDDEN', async () => {
    const { status, body } = await call('/admin', signInternalIdentity(usager, SECRET));
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const admin = signInternalIdentity({ ...usager, roles: ['usager', 'administrateur'] }, SECRET);
    expect((await call('/admin', admin)).status).toBe(200);
  });

  it('lets @Public() routes and probes through without identity', async () => {
    expect((await call('/public')).status).toBe(200);
    expect((await call('/health/live')).status).toBe(200);
  });
});
