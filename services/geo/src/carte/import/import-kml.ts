import { CarteException } from '../carte.exception';
import {
  CarteFeature,
  CarteFeatureCollection,
  CarteGeometry,
  FeatureProperties,
  Polygon,
  Position,
} from '../geojson';
import {
  attributeOf,
  childrenOf,
  elementNames,
  firstChild,
  parseXmlFile,
  textOf,
  XmlElement,
} from './xml-document';

/** KML containers walked for Placemarks, at any depth. */
const CONTAINERS = ['Document', 'Folder'];
/** Content that cannot become a carte area, refused by name rather than silently dropped. */
const UNSUPPORTED_FEATURES = ['NetworkLink', 'GroundOverlay', 'PhotoOverlay', 'ScreenOverlay'];
const SIMPLE_GEOMETRIES = ['Point', 'LineString', 'LinearRing', 'Polygon'];
const UNSUPPORTED_GEOMETRIES = ['Track', 'MultiTrack', 'Model'];

interface Context {
  problems: string[];
  placemarks: number;
}

/**
 * KML 2.2 to GeoJSON: every Placemark under the root, in Documents and Folders at any depth, with its Point,
 * LineString, Polygon (outer boundary then holes) or MultiGeometry. A MultiGeometry made only of polygons becomes one
 * MultiPolygon (a parcel in several pieces stays one area); any other MultiGeometry is split into one feature per
 * geometry, since the champ takes no MultiPoint or MultiLineString. name, description, ExtendedData and the folder
 * path go to the properties. Altitudes are dropped. The result is not validated here.
 */
export function importKml(content: string): CarteFeatureCollection {
  const { root, element: kml } = parseXmlFile('kml', content);
  if (root !== 'kml') {
    throw CarteException.importInvalide('kml', [
      `l'élément racine doit être <kml>, le fichier commence par <${root || '?'}>`,
    ]);
  }
  const context: Context = { problems: [], placemarks: 0 };
  const features = walk(kml, [], context);
  if (context.problems.length > 0) {
    throw CarteException.importInvalide('kml', context.problems, { reason: 'bad_content' });
  }
  if (features.length === 0) {
    throw CarteException.importInvalide(
      'kml',
      ['le fichier ne contient aucun Placemark avec une géométrie'],
      {
        reason: 'empty',
      },
    );
  }
  return { type: 'FeatureCollection', features };
}

/** Placemarks of this container first, then those of its sub-containers (the parser groups children by tag). */
function walk(container: XmlElement, folders: string[], context: Context): CarteFeature[] {
  for (const tag of UNSUPPORTED_FEATURES) {
    if (childrenOf(container, tag).length > 0) {
      context.problems.push(`<${tag}> n'est pas pris en charge (seuls les Placemark sont importés)`);
    }
  }
  const features = childrenOf(container, 'Placemark').flatMap((p) => placemarkFeatures(p, folders, context));
  for (const tag of CONTAINERS) {
    for (const child of childrenOf(container, tag)) {
      const name = textOf(child, 'name');
      features.push(...walk(child, name ? [...folders, name] : folders, context));
    }
  }
  return features;
}

function placemarkFeatures(placemark: XmlElement, folders: string[], context: Context): CarteFeature[] {
  context.placemarks += 1;
  const name = textOf(placemark, 'name');
  const label = name ? `Placemark « ${name} »` : `Placemark n°${context.placemarks}`;
  const geometries = geometriesOf(placemark, label, context);
  if (geometries === undefined) return [];
  if (geometries.length === 0) {
    context.problems.push(`${label} : aucune géométrie (Point, LineString, Polygon ou MultiGeometry)`);
    return [];
  }
  const properties: FeatureProperties = {
    ...extendedData(placemark),
    ...(name ? { name } : {}),
    ...(textOf(placemark, 'description') ? { description: textOf(placemark, 'description') } : {}),
    ...(folders.length > 0 ? { folder: folders.join(' / ') } : {}),
  };
  const multi = childrenOf(placemark, 'MultiGeometry').length > 0;
  if (multi && geometries.length > 1 && geometries.every((g): g is Polygon => g.type === 'Polygon')) {
    return [
      {
        type: 'Feature',
        geometry: { type: 'MultiPolygon', coordinates: geometries.map((g) => g.coordinates) },
        properties,
      },
    ];
  }
  return geometries.map((geometry, i) => ({
    type: 'Feature',
    geometry,
    properties: geometries.length > 1 ? { ...properties, part: i + 1 } : properties,
  }));
}

/** The simple geometries of an element (Placemark or MultiGeometry, nested MultiGeometries flattened). */
function geometriesOf(element: XmlElement, label: string, context: Context): CarteGeometry[] | undefined {
  const before = context.problems.length;
  const unsupported = elementNames(element).filter((n) => UNSUPPORTED_GEOMETRIES.includes(n));
  for (const tag of unsupported) {
    context.problems.push(`${label} : la géométrie <${tag}> n'est pas prise en charge`);
  }
  const geometries: CarteGeometry[] = [];
  for (const tag of SIMPLE_GEOMETRIES) {
    for (const child of childrenOf(element, tag)) {
      const geometry = simpleGeometry(tag, child, `${label}, <${tag}>`, context);
      if (geometry) geometries.push(geometry);
    }
  }
  for (const multi of childrenOf(element, 'MultiGeometry')) {
    geometries.push(...(geometriesOf(multi, label, context) ?? []));
  }
  return context.problems.length > before ? undefined : geometries;
}

function simpleGeometry(
  tag: string,
  element: XmlElement,
  where: string,
  context: Context,
): CarteGeometry | undefined {
  if (tag === 'Polygon') {
    const outer = firstChild(element, 'outerBoundaryIs');
    const shell = outer && ringOf(outer, `${where} <outerBoundaryIs>`, context);
    if (!outer) context.problems.push(`${where} : <outerBoundaryIs> manquant`);
    const holes = childrenOf(element, 'innerBoundaryIs').flatMap((inner, i) =>
      childrenOf(inner, 'LinearRing').map((ring) =>
        coordinatesOf(ring, `${where} <innerBoundaryIs> n°${i + 1}`, context),
      ),
    );
    if (!shell || holes.some((h) => h === undefined)) return undefined;
    return { type: 'Polygon', coordinates: [shell, ...(holes as Position[][])] };
  }
  const positions = coordinatesOf(element, where, context);
  if (!positions) return undefined;
  if (tag === 'Point') {
    if (positions.length !== 1) {
      context.problems.push(`${where} : un point a une seule position, reçu ${positions.length}`);
      return undefined;
    }
    return { type: 'Point', coordinates: positions[0] };
  }
  // A lone LinearRing is a closed line, not an area: KML draws it as a line.
  return { type: 'LineString', coordinates: positions };
}

function ringOf(boundary: XmlElement, where: string, context: Context): Position[] | undefined {
  const ring = firstChild(boundary, 'LinearRing');
  if (!ring) {
    context.problems.push(`${where} : <LinearRing> manquant`);
    return undefined;
  }
  return coordinatesOf(ring, where, context);
}

/** KML writes "lon,lat[,alt]" tuples separated by whitespace; some tools put spaces after the commas. */
function coordinatesOf(element: XmlElement, where: string, context: Context): Position[] | undefined {
  const text = textOf(element, 'coordinates');
  if (!text) {
    context.problems.push(`${where} : <coordinates> manquant ou vide`);
    return undefined;
  }
  const tuples = text
    .replace(/\s*,\s*/g, ',')
    .split(/\s+/)
    .filter(Boolean);
  const positions: Position[] = [];
  for (const tuple of tuples) {
    const parts = tuple.split(',');
    const numbers = parts.map((p) => (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(p) ? Number(p) : NaN));
    if ((parts.length !== 2 && parts.length !== 3) || numbers.some((n) => Number.isNaN(n))) {
      context.problems.push(
        `${where} : coordonnées illisibles « ${tuple.slice(0, 60)} » (attendu longitude,latitude[,altitude])`,
      );
      return undefined;
    }
    positions.push([numbers[0], numbers[1]]);
  }
  return positions;
}

/** <ExtendedData><Data name="…"><value>…</value></Data> and <SchemaData><SimpleData name="…">…</SimpleData>. */
function extendedData(placemark: XmlElement): FeatureProperties {
  const properties: FeatureProperties = {};
  for (const data of childrenOf(placemark, 'ExtendedData')) {
    for (const item of childrenOf(data, 'Data')) {
      const key = attributeOf(item, 'name');
      if (key) properties[key] = textOf(item, 'value') ?? '';
    }
    for (const schema of childrenOf(data, 'SchemaData')) {
      for (const item of childrenOf(schema, 'SimpleData')) {
        const key = attributeOf(item, 'name');
        const value = item['#text'];
        if (key) properties[key] = typeof value === 'string' ? value : '';
      }
    }
  }
  return properties;
}
