import { Controller, Get, INestApplication, Module, Post } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { DomainErrorFilter } from '@demarches/platform-errors';
import { AcceptApiToken, apiTokenCovers, apiTokenDemarcheIds, ReadOperation } from './auth.decorators';
import { AuthErrorCode } from './auth.errors';
import { INTERNAL_IDENTITY_HEADER, InternalIdentity } from './identity';
import { InternalAuthModule } from './internal-auth.module';
import { signInternalIdentity, verifyInternalIdentity } from './internal-token';

const SECRET = 'a-very-long-internal-token-secret-0123456789';
const admin: InternalIdentity = { sub: 'a1', email: 'admin@example.fr', roles: ['administrateur'] };
const readToken: InternalIdentity = {
  ...admin,
  via: 'api_token',
  token: { id: 't1', scope: ['d1'], access: 'read' },
};
const writeToken: InternalIdentity = {
  ...admin,
  via: 'api_token',
  token: { id: 't2', scope: 'all', access: 'read_write' },
};

@Controller('demarches')
@AcceptApiToken()
class OpenToTokensController {
  @Get()
  list(): { ok: true } {
    return { ok: true };
  }

  @Post()
  edit(): { ok: true } {
    return { ok: true };
  }

  @Post('export')
  @ReadOperation()
  exporter(): { ok: true } {
    return { ok: true };
  }
}

@Controller('scoped')
@AcceptApiToken({ demarcheParam: 'id' })
class ScopedController {
  @Get()
  list(): { ok: true } {
    return { ok: true };
  }

  @Post()
  create(): { ok: true } {
    return { ok: true };
  }

  @Get(':id')
  one(): { ok: true } {
    return { ok: true };
  }
}

@Controller('profil')
class ClosedToTokensController {
  @Get()
  profil(): { ok: true } {
    return { ok: true };
  }
}

@Module({
  imports: [InternalAuthModule.forRoot({ secret: SECRET })],
  controllers: [OpenToTokensController, ScopedController, ClosedToTokensController],
  providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
})
class TestModule {}

describe('API token identities', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await NestFactory.create(TestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });
  afterAll(() => app.close());

  const call = async (method: string, path: string, identity: InternalIdentity) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { [INTERNAL_IDENTITY_HEADER]: signInternalIdentity(identity, SECRET) },
    });
    return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
  };

  it('carries the grant through the signed identity', () => {
    expect(verifyInternalIdentity(signInternalIdentity(readToken, SECRET), SECRET)).toEqual(readToken);
  });

  it('refuses an API token identity without its grant, and a grant without via', () => {
    const { token: _grant, ...withoutGrant } = readToken;
    expect(() => verifyInternalIdentity(signInternalIdentity(withoutGrant, SECRET), SECRET)).toThrow(
      expect.objectContaining({ code: AuthErrorCode.Unauthenticated }),
    );
    const { via: _via, ...withoutVia } = readToken;
    expect(() => verifyInternalIdentity(signInternalIdentity(withoutVia, SECRET), SECRET)).toThrow(
      expect.objectContaining({ code: AuthErrorCode.Unauthenticated }),
    );
  });

  it('keeps API tokens off routes that do not accept them', async () => {
    expect(await call('GET', '/profil', writeToken)).toEqual({
      status: 403,
      body: { error: expect.objectContaining({ code: 'API_TOKEN_NOT_ACCEPTED' }) },
    });
    expect((await call('GET', '/profil', admin)).status).toBe(200);
  });

  it('lets a read-only token read but not write, except read operations', async () => {
    expect((await call('GET', '/demarches', readToken)).status).toBe(200);
    const write = await call('POST', '/demarches', readToken);
    expect(write.status).toBe(403);
    expect(write.body.error?.code).toBe('API_TOKEN_READ_ONLY');
    expect((await call('POST', '/demarches/export', readToken)).status).toBe(201);
  });

  it('lets a read-write token write', async () => {
    expect((await call('POST', '/demarches', writeToken)).status).toBe(201);
  });

  it('answers NOT_FOUND for a démarche outside the scope, and refuses creation to a scoped token', async () => {
    const scopedWriter: InternalIdentity = {
      ...writeToken,
      token: { id: 't3', scope: ['d1'], access: 'read_write' },
    };
    expect((await call('GET', '/scoped/d1', readToken)).status).toBe(200);
    expect(await call('GET', '/scoped/d9', readToken)).toEqual({
      status: 404,
      body: { error: expect.objectContaining({ code: 'NOT_FOUND' }) },
    });
    expect((await call('GET', '/scoped/d9', writeToken)).status).toBe(200);
    expect((await call('GET', '/scoped/d9', admin)).status).toBe(200);
    expect((await call('POST', '/scoped', scopedWriter)).status).toBe(403);
    expect((await call('POST', '/scoped', writeToken)).status).toBe(201);
  });

  it('tells whether a démarche is within the scope', () => {
    expect(apiTokenCovers(admin, 'd9')).toBe(true);
    expect(apiTokenCovers(writeToken, 'd9')).toBe(true);
    expect(apiTokenCovers(readToken, 'd1')).toBe(true);
    expect(apiTokenCovers(readToken, 'd9')).toBe(false);
    expect(apiTokenDemarcheIds(admin)).toBeUndefined();
    expect(apiTokenDemarcheIds(writeToken)).toBeUndefined();
    expect(apiTokenDemarcheIds(readToken)).toEqual(['d1']);
  });
});
