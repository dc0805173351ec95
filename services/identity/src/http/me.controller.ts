import { Body, Controller, Delete, Get, HttpCode, Patch } from '@nestjs/common';
import { CurrentUser, type InternalIdentity } from '@demarches/platform-auth';
import { ChangeEmailUseCase } from '../use-cases/change-email/change-email.use-case';
import { DeleteAccountUseCase } from '../use-cases/delete-account/delete-account.use-case';
import { ListMyAccessUseCase } from '../use-cases/list-my-access/list-my-access.use-case';
import { ResolveCurrentUserUseCase } from '../use-cases/resolve-current-user/resolve-current-user.use-case';

@Controller('me')
export class MeController {
  constructor(
    private readonly resolveCurrentUser: ResolveCurrentUserUseCase,
    private readonly changeEmail: ChangeEmailUseCase,
    private readonly deleteAccount: DeleteAccountUseCase,
    private readonly listMyAccess: ListMyAccessUseCase,
  ) {}

  @Get()
  async me(@CurrentUser() identity: InternalIdentity) {
    const user = await this.resolveCurrentUser.execute(identity);
    const access = await this.listMyAccess.execute(user.email);
    return {
      id: user.id,
      email: user.email,
      roles: user.roles,
      ...(user.idp ? { identityProvider: user.idp } : {}),
      ...access,
    };
  }

  /** What prefills the usager's identity step: FranceConnect's pivot identity, or null without FranceConnect. */
  @Get('identite')
  async identite(@CurrentUser() identity: InternalIdentity) {
    const user = await this.resolveCurrentUser.execute(identity);
    const pivot = user.pivotIdentity;
    if (!pivot) return { franceConnect: false, identite: null };
    return {
      franceConnect: true,
      identite: {
        civilite: pivot.gender === 'female' ? 'Mme' : pivot.gender === 'male' ? 'M.' : null,
        prenoms: pivot.givenName,
        nom: pivot.familyName,
        nomUsage: pivot.preferredUsername ?? null,
        dateNaissance: pivot.birthdate ?? null,
      },
    };
  }

  @Patch('email')
  async email(@CurrentUser() identity: InternalIdentity, @Body() body: unknown) {
    return this.changeEmail.execute(identity, body);
  }

  @Delete()
  @HttpCode(204)
  async remove(@CurrentUser() identity: InternalIdentity): Promise<void> {
    await this.deleteAccount.execute(identity);
  }
}
