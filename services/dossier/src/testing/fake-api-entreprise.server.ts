import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `ok` answers; `error503` answers 503; `slow` answers after `delayMs` (client timeouts); `close` drops the socket. */
export type FakeApiEntrepriseMode = 'ok' | 'error503' | 'slow' | 'close';

export const FAKE_API_ENTREPRISE_TOKEN = 'fake-api-entreprise-token';

/** Real public établissements, in API Entreprise v3's `/v3/insee/sirene/etablissements/{siret}` shape. */
export const ETABLISSEMENTS: Record<string, unknown> = {
  '13002526500013': {
    data: {
      siret: '13002526500013',
      siege_social: true,
      etat_administratif: 'A',
      enseigne: null,
      activite_principale: {
        code: '84.11Z',
        libelle: 'Administration publique générale',
        nomenclature: 'NAFRev2',
      },
      unite_legale: {
        siren: '130025265',
        forme_juridique: { code: '7120', libelle: 'Service central d’un ministère' },
        personne_morale_attributs: {
          raison_sociale: 'DIRECTION INTERMINISTERIELLE DU NUMERIQUE',
          sigle: 'DINUM',
        },
        personne_physique_attributs: null,
      },
      adresse: {
        numero_voie: '20',
        indice_repetition_voie: null,
        type_voie: 'AV',
        libelle_voie: 'DE SEGUR',
        complement_adresse: null,
        code_postal: '75007',
        libelle_commune: 'PARIS 7',
        acheminement_postal: {
          l1: 'DIRECTION INTERMINISTERIELLE DU NUMERIQUE',
          l2: '',
          l3: '',
          l4: '20 AVENUE DE SEGUR',
          l5: '',
          l6: '75007 PARIS',
          l7: 'FRANCE',
        },
      },
    },
    links: {},
    meta: { date_derniere_mise_a_jour: 1704067200 },
  },
};

/**
 * A local stand-in for API Entreprise on a free loopback port: checks the bearer token and the three mandatory
 * parameters (context, recipient, object), answers 404 for an unknown SIRET, and can be switched to failures.
 */
export class FakeApiEntrepriseServer {
  mode: FakeApiEntrepriseMode = 'ok';
  delayMs = 0;
  readonly requests: { url: URL; authorization: string | undefined }[] = [];
  private server?: Server;
  private readonly timers = new Set<NodeJS.Timeout>();

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('fake server not started');
    return `http://127.0.0.1:${address.port}`;
  }

  /** On a free port by default; on a given one for the running platform (fake-api-entreprise.main.ts). */
  async start(port = 0): Promise<string> {
    const server = createServer((req, res) => this.onRequest(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    this.server = server;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  reset(): void {
    this.mode = 'ok';
    this.delayMs = 0;
    this.requests.length = 0;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake.local');
    this.requests.push({ url, authorization: req.headers.authorization });
    switch (this.mode) {
      case 'close':
        req.socket.destroy();
        return;
      case 'error503':
        return send(res, 503, { errors: [{ code: '00000', title: 'Service indisponible' }] });
      case 'slow': {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (!res.destroyed) this.answer(url, req, res);
        }, this.delayMs);
        this.timers.add(timer);
        return;
      }
      case 'ok':
        return this.answer(url, req, res);
    }
  }

  private answer(url: URL, req: IncomingMessage, res: ServerResponse): void {
    if (req.headers.authorization !== `Bearer ${FAKE_API_ENTREPRISE_TOKEN}`) {
      return send(res, 401, {
        errors: [{ code: '00101', title: 'Interdit', detail: 'Votre token est invalide' }],
      });
    }
    const match = /^\/v3\/insee\/sirene\/etablissements\/(\d{14})$/.exec(url.pathname);
    if (!match) return send(res, 404, { errors: [{ code: '00000', title: 'Route inconnue' }] });
    for (const parameter of ['context', 'recipient', 'object']) {
      if (!url.searchParams.get(parameter)) {
        return send(res, 422, {
          errors: [
            { code: '00201', title: 'Entité non traitable', detail: `Le paramètre ${parameter} est requis` },
          ],
        });
      }
    }
    const body = ETABLISSEMENTS[match[1] ?? ''];
    if (!body) {
      return send(res, 404, {
        errors: [{ code: '01003', title: 'Entité non trouvée', detail: "Le siret n'a pas été trouvé" }],
      });
    }
    return send(res, 200, body);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}
