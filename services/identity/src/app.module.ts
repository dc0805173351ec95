import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MongoModule } from '@demarches/platform-mongo';
import { PlatformModule } from '@demarches/platform-runtime';
import { IdentityConfig } from './config';
import { MeController } from './http/me.controller';
import { MongoUserRepository } from './persistence/mongo-user.repository';
import { UserRepository } from './persistence/user.repository';
import { USER_COLLECTION, UserSchema } from './persistence/user.schema';
import { Clock } from './use-cases/clock';
import { ResolveCurrentUserUseCase } from './use-cases/resolve-current-user/resolve-current-user.use-case';

@Module({})
export class AppModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config }),
        MongoModule.forRoot({ url: config.MONGO_URL, database: config.MONGO_DATABASE }),
        MongooseModule.forFeature([{ name: USER_COLLECTION, schema: UserSchema }]),
      ],
      controllers: [MeController],
      providers: [
        Clock,
        { provide: UserRepository, useClass: MongoUserRepository },
        ResolveCurrentUserUseCase,
      ],
    };
  }
}
