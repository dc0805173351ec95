import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CarteErrorCode } from '../carte.exception';
import { CarteFeature, Polygon } from '../geojson';
import { importKml } from './import-kml';

const sample = (name: string) => readFileSync(join(__dirname, '..', 'samples', name), 'utf8');
const byName = (features: CarteFeature[], name: string) => features.find((f) => f.properties.name === name)!;

describe(importKml.name, () => {
  it('imports a parcel near Lyon: a Polygon with its hole, name, description and ExtendedData', () => {
    const { features } = importKml(sample('parcelle-ecully-lyon.kml'));
    expect(features).toHaveLength(1);
    const polygon = features[0].geometry as Polygon;
    expect(polygon.type).toBe('Polygon');
    expect(polygon.coordinates).toHaveLength(2);
    expect(polygon.coordinates[0][0]).toEqual([4.77421, 45.77895]);
    expect(polygon.coordinates[1]).toHaveLength(5);
    expect(features[0].properties).toEqual({
      name: 'Parcelle AB 123',
      description: expect.stringContaining('Terrain à bâtir'),
      commune: '69081',
      section: 'AB',
      numero: '0123',
      folder: "Projet d'extension – Écully",
    });
  });

  it('imports a MultiGeometry of polygons as one MultiPolygon and splits a mixed one', () => {
    const { features } = importKml(sample('ilot-beaujolais-multigeometry.kml'));
    expect(features.map((f) => [f.geometry.type, f.properties.name, f.properties.part])).toEqual([
      ['MultiPolygon', 'Îlot viticole', undefined],
      ['Point', 'Accès chantier', 1],
      ['LineString', 'Accès chantier', 2],
    ]);
    expect(features[1].geometry).toEqual({ type: 'Point', coordinates: [4.6447, 46.00115] });
  });

  it('imports a LineString written over several lines with tabs and altitudes', () => {
    const { features } = importKml(sample('haie-bocagere-linestring.kml'));
    expect(features[0].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [-2.75843, 48.10982],
        [-2.75761, 48.11027],
        [-2.75679, 48.11069],
        [-2.75588, 48.11104],
        [-2.75496, 48.1113],
        [-2.75402, 48.11159],
      ],
    });
  });

  it('walks nested Documents and Folders, recording the folder path', () => {
    const { features } = importKml(sample('methaniseur-folders.kml'));
    expect(features).toHaveLength(4);
    const document = 'Unité de méthanisation – Saint-Pierre-la-Palud';
    expect(byName(features, 'Digesteur').properties.folder).toBe(`${document} / Emprise / Zone nord`);
    expect(byName(features, 'Portail').properties.folder).toBe(`${document} / Accès`);
    // SchemaData/SimpleData, and "lon, lat" written with a space after the comma.
    expect(byName(features, 'Aire de stockage').properties.nature).toBe('stockage digestat');
    expect((byName(features, 'Aire de stockage').geometry as Polygon).coordinates[0][0]).toEqual([
      4.6111, 45.79295,
    ]);
  });

  it('imports a bow-tie polygon as it is: validation is what refuses it', () => {
    const { features } = importKml(sample('bowtie-polygon.kml'));
    expect(features[0].geometry.type).toBe('Polygon');
  });

  it.each([
    ['malformed-mismatched-tags.kml', "Expected closing tag 'outerBoundaryIs'", 'malformed_xml'],
    ['malformed-entities.kml', 'DOCTYPE et ENTITY ne sont pas acceptées', 'doctype'],
    ['malformed-coordinates.kml', 'coordonnées illisibles « 4.8357;45.7640 »', 'bad_content'],
    ['unsupported-gx-track.kml', "la géométrie <Track> n'est pas prise en charge", 'bad_content'],
  ])('refuses %s with CARTE_IMPORT_INVALIDE naming the problem', (file, problem, reason) => {
    expect(() => importKml(sample(file))).toThrow(
      expect.objectContaining({
        code: CarteErrorCode.ImportInvalide,
        kind: 'invalid',
        message: expect.stringContaining(problem),
        details: expect.objectContaining({ format: 'kml', reason }),
      }),
    );
  });

  it('lists every unreadable coordinate and every unsupported element, not only the first', () => {
    const problemsOf = (file: string) => {
      try {
        importKml(sample(file));
      } catch (error) {
        return (error as { details: { problems: string[] } }).details.problems;
      }
      throw new Error('expected a refusal');
    };
    expect(problemsOf('malformed-coordinates.kml')).toHaveLength(2);
    expect(problemsOf('unsupported-gx-track.kml')).toEqual([
      "<NetworkLink> n'est pas pris en charge (seuls les Placemark sont importés)",
      "Placemark « Trajet enregistré » : la géométrie <Track> n'est pas prise en charge",
    ]);
  });

  it('refuses a GPX file offered as KML, a Placemark without geometry and a Polygon without outer boundary', () => {
    expect(() => importKml('<gpx/>')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('<kml>') }),
    );
    expect(() => importKml('<kml><Placemark><name>Vide</name></Placemark></kml>')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('Placemark « Vide » : aucune géométrie') }),
    );
    expect(() => importKml('<kml><Placemark><Polygon/></Placemark></kml>')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('<outerBoundaryIs> manquant') }),
    );
  });

  it('reads kml: prefixed elements by their local name', () => {
    const { features } = importKml(
      '<kml:kml xmlns:kml="http://www.opengis.net/kml/2.2"><kml:Placemark><kml:Point><kml:coordinates>4.8357,45.764</kml:coordinates></kml:Point></kml:Placemark></kml:kml>',
    );
    expect(features[0].geometry).toEqual({ type: 'Point', coordinates: [4.8357, 45.764] });
  });
});
