import { Injectable } from '@nestjs/common';
import { ChangeAdministrateurRoleUseCase } from '../grant-administrateur/change-administrateur-role';

/** A platform admin withdraws the administrateur role; tokens already issued expire within 5 minutes. */
@Injectable()
export class RevokeAdministrateurUseCase extends ChangeAdministrateurRoleUseCase {
  protected readonly change = 'removed';
}
