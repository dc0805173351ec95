// Unit-test doubles of the ports the attachments use: plain maps, no I/O.
import type { CompletedPart, PresignedRequest, VerifyResult } from '@demarches/platform-storage';
import { createHash } from 'node:crypto';
import { Dossier } from '../../domain/dossier';
import { RevisionPubliee } from '../../domain/revision';
import { DossierRepository } from '../../persistence/dossier.repository';
import { RevisionRepository } from '../../persistence/revision.repository';
import { PieceJointe } from '../domain/piece-jointe';
import { PieceJointeRepository } from '../persistence/piece-jointe.repository';
import { Fichiers } from '../storage/fichiers';

export function inMemoryDossiers(...dossiers: Dossier[]) {
  const byId = new Map(dossiers.map((d) => [d.id, d]));
  const events: string[] = [];
  const repo = {
    load: async (id: string) => byId.get(id) ?? null,
    save: async (dossier: Dossier, outbox: { eventType?: string; type?: string }[]) => {
      const saved = { ...dossier, version: dossier.version + 1 };
      byId.set(dossier.id, saved);
      events.push(...outbox.map((e) => String(e.eventType ?? e.type)));
      return saved;
    },
  } as unknown as DossierRepository;
  return { repo, byId, events };
}

export function inMemoryRevisions(revision: RevisionPubliee): RevisionRepository {
  return { findByDemarcheId: async (id: string) => (id === revision.demarcheId ? revision : null) } as never;
}

export class InMemoryPieces extends PieceJointeRepository {
  readonly byId = new Map<string, PieceJointe>();
  async insert(piece: PieceJointe) {
    this.byId.set(piece.id, piece);
  }
  async find(id: string) {
    return this.byId.get(id) ?? null;
  }
  async findMany(ids: string[]) {
    return ids.flatMap((id) => this.byId.get(id) ?? []);
  }
  async ofDossier(dossierId: string) {
    return [...this.byId.values()].filter((p) => p.dossierId === dossierId);
  }
  async save(piece: PieceJointe) {
    this.byId.set(piece.id, piece);
  }
  async remove(id: string) {
    this.byId.delete(id);
  }
  async orphans(before: Date) {
    return [...this.byId.values()].filter(
      (p) => p.statut === 'retiree' || (p.statut === 'en_attente' && p.createdAt < before),
    );
  }
}

/** An object store in a map; "uploads" are written by the test with `objects.set`. */
export class InMemoryFichiers extends Fichiers {
  readonly objects = new Map<string, Buffer>();
  readonly multiparts = new Map<string, string>();
  private request(url: string): PresignedRequest {
    return { url, method: 'PUT', headers: {}, expiresAt: new Date(0) };
  }
  async presignPut(key: string) {
    return this.request(`memory://${key}`);
  }
  async createMultipart(key: string) {
    this.multiparts.set(key, 'upload-1');
    return 'upload-1';
  }
  async presignPart(key: string, _uploadId: string, partNumber: number) {
    return this.request(`memory://${key}?part=${partNumber}`);
  }
  async completeMultipart(key: string, _uploadId: string, parts: CompletedPart[]) {
    if (parts.some((p) => !p.etag)) throw Object.assign(new Error('InvalidPart'), { name: 'InvalidPart' });
    this.multiparts.delete(key);
  }
  async abortMultipart(key: string) {
    this.multiparts.delete(key);
  }
  async verify(key: string, expected: { size: number; sha256: string }): Promise<VerifyResult> {
    const body = this.objects.get(key);
    if (!body) return { ok: false, reason: 'not_found' };
    if (body.length !== expected.size) return { ok: false, reason: 'size_mismatch', size: body.length };
    const sha256 = createHash('sha256').update(body).digest('hex');
    return sha256 === expected.sha256
      ? { ok: true, size: body.length, sha256 }
      : { ok: false, reason: 'checksum_mismatch', size: body.length, sha256 };
  }
  async head(key: string, length: number) {
    return (this.objects.get(key) ?? Buffer.alloc(0)).subarray(0, length);
  }
  async presignGet(key: string) {
    return { ...this.request(`memory://${key}`), method: 'GET' as const };
  }
  async delete(key: string) {
    this.objects.delete(key);
  }
}
