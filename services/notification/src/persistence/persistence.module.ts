import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Topics } from '@demarches/contracts';
import { OutboxModule } from '@demarches/platform-kafka';
import { DELIVERY_MODEL, DeliveryRepository, MongoDeliveries } from './delivery.repository';
import { DELIVERY_COLLECTION, DeliverySchema } from './delivery.schema';
import { DOSSIER_CONTACT_MODEL, MongoDossierContacts } from './dossier-contact.repository';
import { DossierContactSchema } from './dossier-contact.schema';
import { DEMARCHE_MAILS_MODEL, DemarcheMailsSchema } from './demarche-mails.schema';
import { MongoDemarcheMailTemplates } from './demarche-mails.repository';
import { DemarcheMailTemplates, Deliveries, DossierContacts } from './ports';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: DELIVERY_MODEL, schema: DeliverySchema },
      { name: DOSSIER_CONTACT_MODEL, schema: DossierContactSchema },
      { name: DEMARCHE_MAILS_MODEL, schema: DemarcheMailsSchema },
    ]),
    OutboxModule.forFeature({ collection: DELIVERY_COLLECTION, topic: Topics.notification }),
  ],
  providers: [
    DeliveryRepository,
    { provide: Deliveries, useClass: MongoDeliveries },
    { provide: DossierContacts, useClass: MongoDossierContacts },
    { provide: DemarcheMailTemplates, useClass: MongoDemarcheMailTemplates },
  ],
  exports: [Deliveries, DossierContacts, DemarcheMailTemplates],
})
export class PersistenceModule {}
