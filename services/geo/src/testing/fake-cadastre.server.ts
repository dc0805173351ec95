import { FakeAnswer, FakeHttpServer } from './fake-http-server';

interface CannedParcelle {
  idu: string;
  nomCom: string;
  section: string;
  numero: string;
  contenance: number;
  /** [west, south, east, north] of a rectangular parcel. */
  bbox: [number, number, number, number];
}

/** Parcels of Paris 7e around 20 avenue de Ségur, and one in Amiens, Parcellaire Express style. */
export const CANNED_PARCELLES: readonly CannedParcelle[] = [
  {
    idu: '75107000AB0012',
    nomCom: 'Paris 7e Arrondissement',
    section: 'AB',
    numero: '0012',
    contenance: 1843,
    bbox: [2.3081, 48.8503, 2.3086, 48.8507],
  },
  {
    idu: '75107000AB0013',
    nomCom: 'Paris 7e Arrondissement',
    section: 'AB',
    numero: '0013',
    contenance: 2210,
    bbox: [2.3086, 48.8503, 2.3091, 48.8507],
  },
  {
    idu: '75107000AC0004',
    nomCom: 'Paris 7e Arrondissement',
    section: 'AC',
    numero: '0004',
    contenance: 960,
    bbox: [2.3081, 48.8507, 2.3086, 48.8511],
  },
  {
    idu: '80021000KR0145',
    nomCom: 'Amiens',
    section: 'KR',
    numero: '0145',
    contenance: 512,
    bbox: [2.2898, 49.8972, 2.2903, 49.8976],
  },
];

type Bbox = [number, number, number, number];

/**
 * Local stand-in for API Carto's GET /api/cadastre/parcelle?geom=&_limit=: answers the canned parcels whose
 * bounding box overlaps the geometry's (enough for tests; the real service intersects exactly), 400 for a missing
 * or unreadable geom as API Carto does. `legacyProperties` answers the older Etalab property names.
 */
export class FakeCadastreServer extends FakeHttpServer {
  legacyProperties = false;

  override reset(): void {
    super.reset();
    this.legacyProperties = false;
  }

  protected answer(url: URL): FakeAnswer {
    if (!url.pathname.endsWith('/parcelle'))
      return { status: 404, body: { code: 404, message: 'Not Found' } };
    const box = bboxOf(url.searchParams.get('geom'));
    if (!box) return { status: 400, body: { code: 400, message: 'geom: invalid GeoJSON geometry' } };
    const limit = Number(url.searchParams.get('_limit') ?? '500');
    const features = CANNED_PARCELLES.filter((p) => overlaps(p.bbox, box))
      .slice(0, limit)
      .map((p) => this.toFeature(p));
    return {
      status: 200,
      body: {
        type: 'FeatureCollection',
        features,
        totalFeatures: features.length,
        numberReturned: features.length,
      },
    };
  }

  private toFeature(p: CannedParcelle): unknown {
    const [w, s, e, n] = p.bbox;
    const geometry = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      ],
    };
    const insee = p.idu.slice(0, 5);
    const properties = this.legacyProperties
      ? {
          id: p.idu,
          commune: insee,
          prefixe: '000',
          section: p.section,
          numero: p.numero,
          contenance: p.contenance,
        }
      : {
          numero: p.numero,
          feuille: 1,
          section: p.section,
          code_dep: insee.slice(0, 2),
          nom_com: p.nomCom,
          code_com: insee.slice(2),
          com_abs: '000',
          code_arr: insee.slice(2),
          idu: p.idu,
          code_insee: insee,
          contenance: p.contenance,
        };
    return { type: 'Feature', id: `parcelle.${p.idu}`, geometry, properties };
  }
}

function bboxOf(geom: string | null): Bbox | undefined {
  if (!geom) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(geom);
  } catch {
    return undefined;
  }
  const coordinates = (parsed as { coordinates?: unknown }).coordinates;
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (node: unknown): void => {
    if (!Array.isArray(node)) return;
    if (typeof node[0] === 'number' && typeof node[1] === 'number') {
      box[0] = Math.min(box[0], node[0]);
      box[1] = Math.min(box[1], node[1]);
      box[2] = Math.max(box[2], node[0]);
      box[3] = Math.max(box[3], node[1]);
      return;
    }
    node.forEach(walk);
  };
  walk(coordinates);
  return Number.isFinite(box[0]) ? box : undefined;
}

function overlaps(a: Bbox, b: Bbox): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}
