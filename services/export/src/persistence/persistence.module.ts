import { Topics } from '@demarches/contracts';
import { OutboxModule } from '@demarches/platform-kafka';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ExportJobRepository, MongoExportJobs } from './export-job.repository';
import { EXPORT_JOB_COLLECTION, EXPORT_JOB_MODEL, ExportJobSchema } from './export-job.schema';
import { DemarcheAccesses, DossierRecords, ExportJobs } from './ports';
import { MongoDemarcheAccesses, MongoDossierRecords } from './projection.repository';
import {
  DEMARCHE_ACCESS_MODEL,
  DemarcheAccessSchema,
  DOSSIER_RECORD_MODEL,
  DossierRecordSchema,
} from './projection.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: EXPORT_JOB_MODEL, schema: ExportJobSchema },
      { name: DOSSIER_RECORD_MODEL, schema: DossierRecordSchema },
      { name: DEMARCHE_ACCESS_MODEL, schema: DemarcheAccessSchema },
    ]),
    OutboxModule.forFeature({ collection: EXPORT_JOB_COLLECTION, topic: Topics.export }),
  ],
  providers: [
    ExportJobRepository,
    { provide: ExportJobs, useClass: MongoExportJobs },
    { provide: DossierRecords, useClass: MongoDossierRecords },
    { provide: DemarcheAccesses, useClass: MongoDemarcheAccesses },
  ],
  exports: [ExportJobs, DossierRecords, DemarcheAccesses],
})
export class PersistenceModule {}
