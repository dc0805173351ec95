import { Injectable } from '@nestjs/common';
import { Clock } from '../../../use-cases/clock';
import { ApiTokenRepository } from '../../persistence/api-token.repository';
import { apiTokenView, ApiTokenView } from '../api-token-view';

/** The administrateur's tokens, newest first, with their state and last use. */
@Injectable()
export class ListApiTokensUseCase {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ownerSub: string): Promise<ApiTokenView[]> {
    const now = this.clock.now();
    return (await this.tokens.listByOwner(ownerSub)).map((token) => apiTokenView(token, now));
  }
}
