import { CarteException } from '../carte.exception';
import { CarteFeature, CarteFeatureCollection, FeatureProperties, Position } from '../geojson';
import { attributeOf, childrenOf, parseXmlFile, textOf, XmlElement } from './xml-document';

/**
 * GPX 1.0/1.1 to GeoJSON, as the reference's carte champ imports it: each track segment (trk/trkseg/trkpt) becomes a
 * LineString, each route (rte/rtept) a LineString, each waypoint (wpt) a Point. Elevation and time are dropped: the
 * champ keeps positions only. Names and descriptions go to the properties. The result is not validated here.
 */
export function importGpx(content: string): CarteFeatureCollection {
  const { root, element: gpx } = parseXmlFile('gpx', content);
  if (root !== 'gpx') {
    throw CarteException.importInvalide('gpx', [
      `l'élément racine doit être <gpx>, le fichier commence par <${root || '?'}>`,
    ]);
  }
  const problems: string[] = [];
  const features: CarteFeature[] = [];

  childrenOf(gpx, 'wpt').forEach((wpt, i) => {
    const position = positionOf(wpt, `point de passage n°${i + 1}`, problems);
    if (position) features.push(feature({ type: 'Point', coordinates: position }, describeOf(wpt)));
  });
  childrenOf(gpx, 'rte').forEach((rte, i) => {
    const line = pointsOf(childrenOf(rte, 'rtept'), `itinéraire n°${i + 1}`, problems);
    if (line.length > 0) features.push(feature({ type: 'LineString', coordinates: line }, describeOf(rte)));
  });
  childrenOf(gpx, 'trk').forEach((trk, i) => {
    const segments = childrenOf(trk, 'trkseg');
    segments.forEach((trkseg, s) => {
      const line = pointsOf(childrenOf(trkseg, 'trkpt'), `trace n°${i + 1}, segment n°${s + 1}`, problems);
      // An empty <trkseg/> is common (a recorder paused then stopped) and carries nothing to draw.
      if (line.length === 0) return;
      const properties = describeOf(trk);
      if (segments.length > 1) properties.segment = s + 1;
      features.push(feature({ type: 'LineString', coordinates: line }, properties));
    });
  });

  if (problems.length > 0) throw CarteException.importInvalide('gpx', problems, { reason: 'bad_content' });
  if (features.length === 0) {
    throw CarteException.importInvalide(
      'gpx',
      ['le fichier ne contient aucun point de passage, itinéraire ni trace'],
      {
        reason: 'empty',
      },
    );
  }
  return { type: 'FeatureCollection', features };
}

function pointsOf(points: XmlElement[], where: string, problems: string[]): Position[] {
  const positions = points.map((p, i) => positionOf(p, `${where}, point n°${i + 1}`, problems));
  return positions.filter((p): p is Position => p !== undefined);
}

/** GPX writes positions as attributes lat="…" lon="…" in decimal degrees (WGS84). */
function positionOf(point: XmlElement, where: string, problems: string[]): Position | undefined {
  const lat = decimal(attributeOf(point, 'lat'));
  const lon = decimal(attributeOf(point, 'lon'));
  if (lat === undefined || lon === undefined) {
    problems.push(`${where} : attributs lat et lon absents ou non numériques`);
    return undefined;
  }
  return [lon, lat];
}

function decimal(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(value)) return undefined;
  return Number(value);
}

function describeOf(element: XmlElement): FeatureProperties {
  const name = textOf(element, 'name');
  const description = textOf(element, 'desc') ?? textOf(element, 'cmt');
  return { ...(name ? { name } : {}), ...(description ? { description } : {}) };
}

function feature(geometry: CarteFeature['geometry'], properties: FeatureProperties): CarteFeature {
  return { type: 'Feature', geometry, properties };
}
