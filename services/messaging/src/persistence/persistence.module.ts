import { Topics } from '@demarches/contracts';
import { OutboxModule } from '@demarches/platform-kafka';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ProjectionRepository } from './dossier-projection.repository';
import { MessageRepository, MongoMessages } from './message.repository';
import { MESSAGE_COLLECTION, MESSAGE_MODEL, MessageSchema } from './message.schema';
import { DossierViews, Messages } from './ports';
import {
  DEMARCHE_PROJECTION_MODEL,
  DemarcheProjectionSchema,
  DOSSIER_PROJECTION_MODEL,
  DossierProjectionSchema,
} from './projection.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: MESSAGE_MODEL, schema: MessageSchema },
      { name: DOSSIER_PROJECTION_MODEL, schema: DossierProjectionSchema },
      { name: DEMARCHE_PROJECTION_MODEL, schema: DemarcheProjectionSchema },
    ]),
    OutboxModule.forFeature({ collection: MESSAGE_COLLECTION, topic: Topics.messaging }),
  ],
  providers: [
    MessageRepository,
    ProjectionRepository,
    { provide: Messages, useClass: MongoMessages },
    { provide: DossierViews, useExisting: ProjectionRepository },
  ],
  exports: [Messages, DossierViews, ProjectionRepository],
})
export class PersistenceModule {}
