import { encodeMessage, EventCatalog, Topics } from '@demarches/contracts';
import { demarchePublished, dossierDeposited, dossierStateChanged } from './fixtures';

describe('fixture factories', () => {
  it('build payloads the generated codecs encode, with overrides applied', () => {
    const published = demarchePublished({ slug: 'aide-aux-mares' });
    expect(published.slug).toBe('aide-aux-mares');
    expect(encodeMessage(EventCatalog[Topics.procedure].DemarchePublished, published).length).toBeGreaterThan(
      0,
    );
    expect(
      encodeMessage(EventCatalog[Topics.dossier].DossierDeposited, dossierDeposited()).length,
    ).toBeGreaterThan(0);
    expect(dossierStateChanged({ version: 9 }).version).toBe(9);
  });

  it('gives every fixture fresh ids', () => {
    expect(dossierDeposited().dossierId).not.toBe(dossierDeposited().dossierId);
  });
});
