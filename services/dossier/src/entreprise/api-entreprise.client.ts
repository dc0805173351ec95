import { InjectConfig } from '@demarches/platform-config';
import { Injectable, Logger } from '@nestjs/common';
import type { DossierConfig } from '../config';
import { EntrepriseLookup, EntrepriseLookupResult } from './entreprise-lookup';
import { etablissementFromApiEntreprise } from './api-entreprise.response';

type Settings = Pick<
  DossierConfig,
  'API_ENTREPRISE_URL' | 'API_ENTREPRISE_TOKEN' | 'API_ENTREPRISE_TIMEOUT_MS' | 'API_ENTREPRISE_RECIPIENT'
>;

class Retryable extends Error {}

/**
 * API Entreprise v3 (`GET /v3/insee/sirene/etablissements/{siret}`), with Node's fetch: a timeout on every attempt,
 * one retry for a failure that may pass (network, timeout, 429, 5xx); 404/422 mean « no such établissement ».
 * Without a token (a platform not yet habilitée) every lookup is `unavailable`: the degraded mode.
 */
@Injectable()
export class ApiEntrepriseClient extends EntrepriseLookup {
  private readonly logger = new Logger(ApiEntrepriseClient.name);

  constructor(@InjectConfig() private readonly config: Settings) {
    super();
  }

  async etablissement(siret: string): Promise<EntrepriseLookupResult> {
    if (!this.config.API_ENTREPRISE_TOKEN) return { status: 'unavailable', reason: 'no token configured' };
    const url = new URL(
      `v3/insee/sirene/etablissements/${encodeURIComponent(siret)}`,
      this.config.API_ENTREPRISE_URL.endsWith('/')
        ? this.config.API_ENTREPRISE_URL
        : `${this.config.API_ENTREPRISE_URL}/`,
    );
    // The three parameters API Entreprise requires on every call (traceability of the use).
    url.searchParams.set('context', 'Démarches : identification du demandeur');
    url.searchParams.set('recipient', this.config.API_ENTREPRISE_RECIPIENT);
    url.searchParams.set('object', "Dépôt d'un dossier");
    let lastReason = '';
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      try {
        return await this.attempt(url);
      } catch (error: unknown) {
        if (!(error instanceof Retryable)) throw error;
        lastReason = error.message;
      }
    }
    this.logger.warn({ siret, reason: lastReason }, 'API Entreprise unavailable: degraded mode');
    return { status: 'unavailable', reason: lastReason };
  }

  private async attempt(url: URL): Promise<EntrepriseLookupResult> {
    const signal = AbortSignal.timeout(this.config.API_ENTREPRISE_TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetch(url, {
        signal,
        headers: { accept: 'application/json', authorization: `Bearer ${this.config.API_ENTREPRISE_TOKEN}` },
      });
    } catch {
      throw new Retryable(signal.aborted ? 'timeout' : 'network');
    }
    if (response.status === 404 || response.status === 422) {
      await response.arrayBuffer().catch(() => undefined);
      return { status: 'not_found' };
    }
    if (!response.ok) {
      await response.arrayBuffer().catch(() => undefined);
      if (response.status === 429 || response.status >= 500) throw new Retryable(`HTTP ${response.status}`);
      // 401/403: our token is refused; retrying would not help, the usager still goes on in degraded mode.
      return { status: 'unavailable', reason: `HTTP ${response.status}` };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new Retryable(signal.aborted ? 'timeout' : 'bad body');
    }
    const etablissement = etablissementFromApiEntreprise(body);
    return etablissement
      ? { status: 'found', etablissement }
      : { status: 'unavailable', reason: 'unexpected body' };
  }
}
