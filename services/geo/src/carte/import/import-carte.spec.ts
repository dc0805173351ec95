import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CarteErrorCode } from '../carte.exception';
import { CARTE_LIMITS } from '../carte.limits';
import { importCarte } from './import-carte';

const sample = (name: string) => readFileSync(join(__dirname, '..', 'samples', name), 'utf8');

describe(importCarte.name, () => {
  it.each([
    ['gpx', 'vosges-schlucht-hohneck.gpx', 4],
    ['gpx', 'alsace-colmar-eguisheim-velo.gpx', 1],
    ['kml', 'parcelle-ecully-lyon.kml', 1],
    ['kml', 'ilot-beaujolais-multigeometry.kml', 3],
    ['kml', 'haie-bocagere-linestring.kml', 1],
    ['kml', 'methaniseur-folders.kml', 4],
  ] as const)('imports the %s sample %s into a valid FeatureCollection', (format, file, count) => {
    const collection = importCarte(format, sample(file));
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(count);
  });

  it('puts the imported shapes through the carte rules: a bow-tie is CARTE_INVALIDE', () => {
    expect(() => importCarte('kml', sample('bowtie-polygon.kml'))).toThrow(
      expect.objectContaining({
        code: CarteErrorCode.Invalide,
        details: expect.objectContaining({
          violations: [
            expect.objectContaining({ path: 'features.0.geometry.coordinates', position: [4.831, 45.761] }),
          ],
        }),
      }),
    );
  });

  it('refuses a file over the size limit before parsing it', () => {
    const padding = ' '.repeat(CARTE_LIMITS.maxImportBytes);
    expect(() => importCarte('gpx', `<gpx>${padding}</gpx>`)).toThrow(
      expect.objectContaining({
        code: CarteErrorCode.ImportInvalide,
        details: expect.objectContaining({ reason: 'too_large', maxBytes: CARTE_LIMITS.maxImportBytes }),
      }),
    );
  });

  it('refuses a track of more points than a feature may have', () => {
    const points = Array.from(
      { length: CARTE_LIMITS.maxVerticesPerFeature + 1 },
      (_, i) => `<trkpt lat="48.${String(i).padStart(6, '0')}" lon="7"/>`,
    ).join('');
    expect(() => importCarte('gpx', `<gpx><trk><trkseg>${points}</trkseg></trk></gpx>`)).toThrow(
      expect.objectContaining({ code: CarteErrorCode.Invalide }),
    );
  });
});
