import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CarteErrorCode } from '../carte.exception';
import { LineString } from '../geojson';
import { importGpx } from './import-gpx';

const sample = (name: string) => readFileSync(join(__dirname, '..', 'samples', name), 'utf8');

describe(importGpx.name, () => {
  it('imports a Vosges hike: waypoints as Points, each track segment as a LineString, elevation dropped', () => {
    const { features } = importGpx(sample('vosges-schlucht-hohneck.gpx'));
    expect(features.map((f) => f.geometry.type)).toEqual(['Point', 'Point', 'LineString', 'LineString']);
    expect(features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [7.020538, 48.063612] },
      properties: { name: 'Col de la Schlucht', description: 'Départ, parking du col' },
    });
    // <cmt> stands in for a missing <desc>.
    expect(features[1].properties).toEqual({ name: 'Sommet du Hohneck', description: "Table d'orientation" });
    const [first, second] = features.slice(2).map((f) => f.geometry as LineString);
    expect(first.coordinates).toHaveLength(12);
    expect(second.coordinates).toHaveLength(10);
    expect(second.coordinates.at(-1)).toEqual([7.017496, 48.040592]);
    // The empty third <trkseg/> gives nothing; the two others are numbered.
    expect(features.slice(2).map((f) => f.properties)).toEqual([
      expect.objectContaining({ name: 'Randonnée Schlucht – Hohneck', segment: 1 }),
      expect.objectContaining({ segment: 2 }),
    ]);
  });

  it('imports a route (rte) as one LineString', () => {
    const { features } = importGpx(sample('alsace-colmar-eguisheim-velo.gpx'));
    expect(features).toHaveLength(1);
    expect(features[0].geometry.type).toBe('LineString');
    expect((features[0].geometry as LineString).coordinates).toHaveLength(8);
    expect(features[0].properties.name).toBe('Colmar → Eguisheim à vélo');
  });

  it.each([
    ['malformed-truncated.gpx', "n'est pas un XML valide (ligne 8"],
    ['malformed-html-page.gpx', "l'élément racine doit être <gpx>, le fichier commence par <html>"],
    ['empty-metadata-only.gpx', 'aucun point de passage, itinéraire ni trace'],
  ])('refuses %s with CARTE_IMPORT_INVALIDE naming the problem', (file, problem) => {
    expect(() => importGpx(sample(file))).toThrow(
      expect.objectContaining({
        code: CarteErrorCode.ImportInvalide,
        kind: 'invalid',
        message: expect.stringContaining(problem),
      }),
    );
  });

  it('lists every point without a readable lat/lon', () => {
    expect(() => importGpx(sample('malformed-missing-lat.gpx'))).toThrow(
      expect.objectContaining({
        code: CarteErrorCode.ImportInvalide,
        details: expect.objectContaining({
          problems: [
            'trace n°1, segment n°1, point n°2 : attributs lat et lon absents ou non numériques',
            'trace n°1, segment n°1, point n°3 : attributs lat et lon absents ou non numériques',
          ],
        }),
      }),
    );
  });

  it('reads a GPX with a byte-order mark and no namespace', () => {
    const { features } = importGpx(
      '\uFEFF<gpx><wpt lat="-21.1151" lon="55.5364"><name>Saint-Denis</name></wpt></gpx>',
    );
    expect(features[0].geometry).toEqual({ type: 'Point', coordinates: [55.5364, -21.1151] });
  });
});
