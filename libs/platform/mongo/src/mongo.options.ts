export interface MongoModuleOptions {
  /** mongodb:// URL without the database (MONGO_URL). */
  url: string;
  /** The service's own database, `demarches_<service>` (prefixed in tests). */
  database: string;
  /** Bounded so a missing database fails boot and readiness quickly instead of hanging (default 5000). */
  serverSelectionTimeoutMs?: number;
}
