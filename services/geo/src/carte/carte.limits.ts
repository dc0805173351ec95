/**
 * Every bound of the carte champ, in one place. They keep validation, the self-intersection check (quadratic in the
 * worst case) and the stored dossier small, while leaving room for real use: a cadastral selection of a few dozen
 * parcels, a hand-drawn perimeter, or a day's GPS track recorded every few seconds.
 */
export const CARTE_LIMITS = {
  /** Features in one carte champ. The reference champ lists each area separately; 100 covers a large farm. */
  maxFeatures: 100,
  /** Positions (vertices) in one feature, closing positions of rings included. */
  maxVerticesPerFeature: 10_000,
  /** Positions in the whole champ. */
  maxVerticesTotal: 50_000,
  /** Size of the GeoJSON as UTF-8 JSON, checked before anything else so an oversized value costs nothing more. */
  maxGeoJsonBytes: 1_000_000,
  /**
   * Size of an imported GPX/KML file (UTF-8 bytes). GPX repeats elevation and time on every point (~100 bytes per
   * point), so 1 MB is about the 10 000-vertex feature bound. The JSON envelope of POST /geo/carte/import adds a
   * little: the service's HTTP_BODY_LIMIT must be a bit above it for the coded error to reach the caller instead of
   * a bare 413 from the body parser.
   */
  maxImportBytes: 1_000_000,
  /** Problems listed in one error: enough to fix a file, not so many that the answer itself becomes huge. */
  maxReportedProblems: 50,
} as const;
