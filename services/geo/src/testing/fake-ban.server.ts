import { FakeAnswer, FakeHttpServer } from './fake-http-server';

interface CannedAdresse {
  id: string;
  type: 'housenumber' | 'street' | 'municipality';
  label: string;
  name: string;
  housenumber?: string;
  street?: string;
  postcode: string;
  citycode: string;
  city: string;
  context: string;
  lon: number;
  lat: number;
  x: number;
  y: number;
}

/** Real BAN entries (metropole, Corse, outre-mer), as /search/ returns them. */
export const CANNED_ADRESSES: readonly CannedAdresse[] = [
  {
    id: '75107_8909_00020',
    type: 'housenumber',
    label: '20 Avenue de Ségur 75007 Paris',
    name: '20 Avenue de Ségur',
    housenumber: '20',
    street: 'Avenue de Ségur',
    postcode: '75007',
    citycode: '75107',
    city: 'Paris',
    context: '75, Paris, Île-de-France',
    lon: 2.308594,
    lat: 48.850699,
    x: 649363.52,
    y: 6861413.6,
  },
  {
    id: '75104_8244_00010',
    type: 'housenumber',
    label: '10 Rue de Rivoli 75004 Paris',
    name: '10 Rue de Rivoli',
    housenumber: '10',
    street: 'Rue de Rivoli',
    postcode: '75004',
    citycode: '75104',
    city: 'Paris',
    context: '75, Paris, Île-de-France',
    lon: 2.359684,
    lat: 48.855483,
    x: 653126.07,
    y: 6861897.42,
  },
  {
    id: '80021_6590_00008',
    type: 'housenumber',
    label: '8 Boulevard du Port 80000 Amiens',
    name: '8 Boulevard du Port',
    housenumber: '8',
    street: 'Boulevard du Port',
    postcode: '80000',
    citycode: '80021',
    city: 'Amiens',
    context: '80, Somme, Hauts-de-France',
    lon: 2.290084,
    lat: 49.897443,
    x: 648952.58,
    y: 6977867.25,
  },
  {
    id: '69382_0620',
    type: 'street',
    label: 'Place Bellecour 69002 Lyon',
    name: 'Place Bellecour',
    postcode: '69002',
    citycode: '69382',
    city: 'Lyon',
    context: '69, Rhône, Auvergne-Rhône-Alpes',
    lon: 4.832146,
    lat: 45.757813,
    x: 842375.3,
    y: 6519253.9,
  },
  {
    id: '42218_1610_00001',
    type: 'housenumber',
    label: "1 Place de l'Hôtel de Ville 42000 Saint-Étienne",
    name: "1 Place de l'Hôtel de Ville",
    housenumber: '1',
    street: "Place de l'Hôtel de Ville",
    postcode: '42000',
    citycode: '42218',
    city: 'Saint-Étienne',
    context: '42, Loire, Auvergne-Rhône-Alpes',
    lon: 4.387184,
    lat: 45.439724,
    x: 808256.47,
    y: 6483417.09,
  },
  {
    id: '97209_0520_00003',
    type: 'housenumber',
    label: '3 Rue du Général de Gaulle 97200 Fort-de-France',
    name: '3 Rue du Général de Gaulle',
    housenumber: '3',
    street: 'Rue du Général de Gaulle',
    postcode: '97200',
    citycode: '97209',
    city: 'Fort-de-France',
    context: '972, Martinique',
    lon: -61.070381,
    lat: 14.602765,
    x: 708226.61,
    y: 1615364.77,
  },
  {
    id: '2A004',
    type: 'municipality',
    label: 'Ajaccio',
    name: 'Ajaccio',
    postcode: '20000',
    citycode: '2A004',
    city: 'Ajaccio',
    context: '2A, Corse-du-Sud, Corse',
    lon: 8.738635,
    lat: 41.919229,
    x: 1177709.79,
    y: 6104366.93,
  },
];

/**
 * Local stand-in for api-adresse.data.gouv.fr: GET /search/ with q, limit, autocomplete, postcode, citycode and
 * type; the BAN's 400 for a q outside 3..200 characters; every query word must start a word of the label.
 */
export class FakeBanServer extends FakeHttpServer {
  protected answer(url: URL): FakeAnswer {
    if (url.pathname !== '/search/' && url.pathname !== '/search') {
      return { status: 404, body: { code: 404, message: 'Not Found' } };
    }
    const q = (url.searchParams.get('q') ?? '').trim();
    if (q.length < 3 || q.length > 200) {
      return {
        status: 400,
        body: {
          code: 400,
          detail: ['q: must contain between 3 and 200 chars and start with a number or a letter'],
        },
      };
    }
    const limit = Number(url.searchParams.get('limit') ?? '5');
    const filters = ['postcode', 'citycode', 'type'] as const;
    const words = normalize(q).split(' ');
    const features = CANNED_ADRESSES.filter((a) =>
      filters.every((f) => {
        const wanted = url.searchParams.get(f);
        return wanted === null || a[f] === wanted;
      }),
    )
      .filter((a) => {
        const labelWords = normalize(`${a.label} ${a.context}`).split(' ');
        return words.every((w) => labelWords.some((lw) => lw.startsWith(w)));
      })
      .slice(0, limit)
      .map((a, rank) => toFeature(a, 0.97 - rank * 0.05));
    return {
      status: 200,
      body: {
        type: 'FeatureCollection',
        version: 'draft',
        features,
        attribution: 'BAN',
        licence: 'ETALAB-2.0',
        query: q,
        limit,
      },
    };
  }
}

function toFeature(a: CannedAdresse, score: number): unknown {
  const { lon, lat, ...properties } = a;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: { ...properties, score, importance: 0.6, _type: 'address' },
  };
}

function normalize(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
