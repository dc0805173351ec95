import { parseBearer } from './bearer';

const API_TOKEN = `dmt_${'a1'.repeat(16)}_${'Zz9-_'.repeat(8)}abc`;
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe(parseBearer.name, () => {
  it('reads a JWT and an API token in the two accepted forms', () => {
    expect(parseBearer(`Bearer ${JWT}`)).toEqual({ kind: 'jwt', token: JWT });
    expect(parseBearer(`bearer ${API_TOKEN}`)).toEqual({ kind: 'api_token', token: API_TOKEN });
    expect(parseBearer(`Bearer token=${API_TOKEN}`)).toEqual({ kind: 'api_token', token: API_TOKEN });
    expect(parseBearer(`Bearer token="${API_TOKEN}"`)).toEqual({ kind: 'api_token', token: API_TOKEN });
  });

  it('refuses other schemes, garbage and truncated API tokens', () => {
    expect(parseBearer(`Basic ${JWT}`)).toBeUndefined();
    expect(parseBearer('Bearer')).toBeUndefined();
    expect(parseBearer('Bearer not-a-token')).toBeUndefined();
    expect(parseBearer(`Bearer ${API_TOKEN.slice(0, -1)}`)).toBeUndefined();
    expect(parseBearer(`Bearer ${API_TOKEN} extra`)).toBeUndefined();
    expect(parseBearer(`Bearer token="${API_TOKEN}`)).toBeUndefined();
  });
});
