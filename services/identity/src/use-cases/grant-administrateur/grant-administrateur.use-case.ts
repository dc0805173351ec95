import { Injectable } from '@nestjs/common';
import { ChangeAdministrateurRoleUseCase } from './change-administrateur-role';

export { roleChangeSchema } from './change-administrateur-role';

/** A platform admin makes an existing account administrateur (Keycloak realm role, effective at her next token). */
@Injectable()
export class GrantAdministrateurUseCase extends ChangeAdministrateurRoleUseCase {
  protected readonly change = 'granted';
}
