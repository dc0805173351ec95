import { clientResponseHeaders, upstreamRequestHeaders } from './forwarded-headers';

describe(upstreamRequestHeaders.name, () => {
  const context = {
    clientIp: '10.1.2.3',
    originalHost: 'demarches.example',
    added: { 'x-demarches-identity': 'signed', 'x-correlation-id': 'c-1' },
  };

  it('drops the bearer token, hop-by-hop headers and any incoming identity', () => {
    const headers = upstreamRequestHeaders(
      {
        host: 'demarches.example',
        authorization: 'Bearer abc',
        'x-demarches-identity': 'forged',
        connection: 'keep-alive, x-secret-hop',
        'x-secret-hop': '1',
        'transfer-encoding': 'chunked',
        'content-type': 'application/json',
        'content-length': '12',
      },
      context,
    );
    expect(headers).toEqual({
      'content-type': 'application/json',
      'content-length': '12',
      'x-forwarded-for': '10.1.2.3',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'demarches.example',
      'x-demarches-identity': 'signed',
      'x-correlation-id': 'c-1',
    });
  });

  it('appends the client to an existing x-forwarded-for chain', () => {
    expect(upstreamRequestHeaders({ 'x-forwarded-for': '1.1.1.1' }, context)['x-forwarded-for']).toBe(
      '1.1.1.1, 10.1.2.3',
    );
  });

  it('never forwards an identity header on anonymous calls', () => {
    const headers = upstreamRequestHeaders({ 'x-demarches-identity': 'forged' }, { ...context, added: {} });
    expect(headers['x-demarches-identity']).toBeUndefined();
  });
});

describe(clientResponseHeaders.name, () => {
  it('keeps end-to-end headers and drops hop-by-hop ones', () => {
    expect(
      clientResponseHeaders({
        'content-type': 'text/csv',
        'transfer-encoding': 'chunked',
        connection: 'close',
        'x-request-id': 'r-1',
      }),
    ).toEqual({
      'content-type': 'text/csv',
      'x-request-id': 'r-1',
    });
  });
});
