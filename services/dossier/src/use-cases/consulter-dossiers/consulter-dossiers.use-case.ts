import { Injectable } from '@nestjs/common';
import { Dossier } from '../../domain/dossier';
import { IdentiteLecteur } from '../../domain/lecture';
import { DossierListFilter, DossierRepository } from '../../persistence/dossier.repository';
import { RevisionRepository } from '../../persistence/revision.repository';
import { loadLisible } from '../load';

export interface Pagination {
  page: number;
  perPage: number;
}

export interface DossierListItem {
  id: string;
  number: number;
  demarcheId: string;
  demarcheTitle: string;
  state: Dossier['state'];
  updatedAt: Date;
  depositedAt: Date | null;
  test: boolean;
}

export interface DossierListPage {
  dossiers: DossierListItem[];
  page: number;
  perPage: number;
  total: number;
}

@Injectable()
export class ConsulterDossiersUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly revisions: RevisionRepository,
  ) {}

  /**
   * The owner and the invités read the dossier, and the instructeurs of its groupe once it is deposited; anybody
   * else gets « not found ».
   */
  async one(dossierId: string, identity: IdentiteLecteur): Promise<Dossier> {
    return (await loadLisible(this.dossiers, this.revisions, dossierId, identity)).dossier;
  }

  /** « Mes dossiers »: every dossier of the usager, whatever its state. */
  mine(sub: string): Promise<Dossier[]> {
    return this.dossiers.listForUsager(sub);
  }

  /** « Mes dossiers » as a page: number, démarche, state, last change. */
  mesDossiers(sub: string, pagination: Pagination): Promise<DossierListPage> {
    return this.list({ proprietaireSub: sub }, pagination);
  }

  /** « Dossiers invités »: the dossiers the usager was invited on (by e-mail). */
  dossiersInvites(email: string, pagination: Pagination): Promise<DossierListPage> {
    return this.list({ inviteEmail: email.toLowerCase() }, pagination);
  }

  private async list(filter: DossierListFilter, { page, perPage }: Pagination): Promise<DossierListPage> {
    const { dossiers, total } = await this.dossiers.page(filter, {
      offset: (page - 1) * perPage,
      limit: perPage,
    });
    const titles = new Map<string, string>();
    for (const demarcheId of new Set(dossiers.map((dossier) => dossier.demarcheId))) {
      titles.set(demarcheId, (await this.revisions.findByDemarcheId(demarcheId))?.title ?? '');
    }
    return {
      dossiers: dossiers.map((dossier) => ({
        id: dossier.id,
        number: dossier.number,
        demarcheId: dossier.demarcheId,
        demarcheTitle: titles.get(dossier.demarcheId) ?? '',
        state: dossier.state,
        updatedAt: dossier.updatedAt,
        depositedAt: dossier.depositedAt,
        test: dossier.test,
      })),
      page,
      perPage,
      total,
    };
  }
}
