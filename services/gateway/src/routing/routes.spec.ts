import { isSafePath, matchRoute } from './routes';

describe('routes', () => {
  describe(matchRoute.name, () => {
    it.each([
      ['/api/me', 'identity', '/me'],
      ['/api/me/api-tokens/t1', 'identity', '/me/api-tokens/t1'],
      ['/api/demarches', 'form-builder', '/demarches'],
      ['/api/demarches/42/publier', 'form-builder', '/demarches/42/publier'],
      ['/api/commencer/aide-velo', 'dossier', '/commencer/aide-velo'],
      ['/api/commencer/aide-velo/dossiers', 'dossier', '/commencer/aide-velo/dossiers'],
      ['/api/dossiers/abc/messages', 'messaging', '/dossiers/abc/messages'],
      ['/api/dossiers/abc/messages/m1', 'messaging', '/dossiers/abc/messages/m1'],
      ['/api/dossiers/abc', 'dossier', '/dossiers/abc'],
      ['/api/dossiers/abc/deposer', 'dossier', '/dossiers/abc/deposer'],
      ['/api/dossiers', 'dossier', '/dossiers'],
      ['/api/instructeur/dossiers', 'instruction', '/instructeur/dossiers'],
      ['/api/exports/e1', 'export', '/exports/e1'],
      ['/api/geo/communes', 'geo', '/geo/communes'],
    ])('routes %s to %s as %s', (url, service, upstreamPath) => {
      expect(matchRoute('GET', url)).toMatchObject({ service, upstreamPath });
    });

    it('keeps the query string and strips only the /api prefix', () => {
      expect(matchRoute('GET', '/api/geo/communes?q=lyon&limit=5')).toEqual({
        service: 'geo',
        upstreamPath: '/geo/communes?q=lyon&limit=5',
        isPublic: true,
        account: false,
      });
    });

    it('marks the account routes for the per-IP account rate limit', () => {
      expect(matchRoute('GET', '/api/me')?.account).toBe(true);
      expect(matchRoute('POST', '/api/me/api-tokens')?.account).toBe(true);
      expect(matchRoute('GET', '/api/dossiers')?.account).toBe(false);
    });

    it("sends a dossier's messages to messaging, not to dossier", () => {
      expect(matchRoute('POST', '/api/dossiers/abc/messages')?.service).toBe('messaging');
      expect(matchRoute('GET', '/api/dossiers/abc/messagesx')?.service).toBe('dossier');
    });

    it('does not match look-alike prefixes or unknown paths', () => {
      expect(matchRoute('GET', '/api/meow')).toBeUndefined();
      expect(matchRoute('GET', '/api/mex')).toBeUndefined();
      expect(matchRoute('GET', '/api/demarchesx')).toBeUndefined();
      expect(matchRoute('GET', '/api/geography')).toBeUndefined();
      expect(matchRoute('GET', '/demarches')).toBeUndefined();
      expect(matchRoute('GET', '/api')).toBeUndefined();
    });

    it('makes only GET of a start page and geo reference data public', () => {
      expect(matchRoute('GET', '/api/commencer/aide-velo')?.isPublic).toBe(true);
      expect(matchRoute('HEAD', '/api/commencer/aide-velo')?.isPublic).toBe(true);
      expect(matchRoute('POST', '/api/commencer/aide-velo')?.isPublic).toBe(false);
      expect(matchRoute('GET', '/api/commencer/aide-velo/dossiers')?.isPublic).toBe(false);
      expect(matchRoute('GET', '/api/geo/communes/69123')?.isPublic).toBe(true);
      expect(matchRoute('get', '/api/geo/communes')?.isPublic).toBe(true);
      expect(matchRoute('POST', '/api/geo/communes')?.isPublic).toBe(false);
      expect(matchRoute('GET', '/api/me')?.isPublic).toBe(false);
      expect(matchRoute('GET', '/api/dossiers/abc')?.isPublic).toBe(false);
      expect(matchRoute('GET', '/api/demarches')?.isPublic).toBe(false);
    });

    it('makes only GET of a démarche file public, not its upload or its administrateurs’ link', () => {
      expect(matchRoute('GET', '/api/demarches/d1/fichiers/logo')?.isPublic).toBe(true);
      expect(matchRoute('GET', '/api/demarches/d1/fichiers/cadre_juridique?x=1')?.isPublic).toBe(true);
      expect(matchRoute('DELETE', '/api/demarches/d1/fichiers/logo')?.isPublic).toBe(false);
      expect(matchRoute('GET', '/api/demarches/d1/fichiers/logo/lien')?.isPublic).toBe(false);
      expect(matchRoute('POST', '/api/demarches/d1/fichiers/notice/televersement')?.isPublic).toBe(false);
      expect(matchRoute('GET', '/api/demarches/d1/fichiers/autre')?.isPublic).toBe(false);
      expect(matchRoute('GET', '/api/demarches/d1')?.isPublic).toBe(false);
    });
  });

  describe(isSafePath.name, () => {
    it('accepts ordinary paths', () => {
      expect(isSafePath('/api/dossiers/abc-1.2/messages')).toBe(true);
      expect(isSafePath('/api/geo/communes')).toBe(true);
    });

    it.each([
      '/api/geo/../dossiers/x',
      '/api/geo/./x',
      '/api/commencer/..',
      '/api/geo/%2e%2e/x',
      '/api/geo/a%2Fb',
      '/api/geo/a%5cb',
      '/api/geo//x',
      '/api/geo/a\\b',
    ])('refuses %s', (path) => {
      expect(isSafePath(path)).toBe(false);
    });
  });
});
