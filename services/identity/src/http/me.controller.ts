import { Controller, Get } from '@nestjs/common';
import { CurrentUser, type InternalIdentity } from '@demarches/platform-auth';
import { ResolveCurrentUserUseCase } from '../use-cases/resolve-current-user/resolve-current-user.use-case';

@Controller('me')
export class MeController {
  constructor(private readonly resolveCurrentUser: ResolveCurrentUserUseCase) {}

  @Get()
  async me(@CurrentUser() identity: InternalIdentity) {
    const user = await this.resolveCurrentUser.execute(identity);
    return { id: user.id, email: user.email, roles: user.roles };
  }
}
