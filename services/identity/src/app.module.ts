import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Topics } from '@demarches/contracts';
import { KafkaModule, kafkaOptionsFromEnv, OutboxModule } from '@demarches/platform-kafka';
import { MongoModule } from '@demarches/platform-mongo';
import { QueueModule } from '@demarches/platform-queue';
import { PlatformModule } from '@demarches/platform-runtime';
import {
  apiTokenControllers,
  apiTokenImports,
  apiTokenProviders,
  apiTokenSchemas,
} from './api-tokens/api-tokens.providers';
import { AuditImportProcessor } from './audit/jobs/audit-import.processor';
import { auditImportQueue } from './audit/jobs/audit-import.queue';
import { IdentityConfig } from './config';
import { DossierEventsConsumer } from './consumers/dossier-events.consumer';
import { ProcedureEventsConsumer } from './consumers/procedure-events.consumer';
import { AdminController } from './http/admin.controller';
import { MeController } from './http/me.controller';
import { HttpKeycloakAdmin } from './keycloak/http-keycloak-admin';
import { KeycloakAdmin } from './keycloak/keycloak-admin';
import { AuditEventRepository } from './persistence/audit-event.repository';
import { AUDIT_EVENT_COLLECTION, AuditEventSchema } from './persistence/audit-event.schema';
import { AuditImportCursorRepository } from './persistence/audit-import-cursor.repository';
import {
  AUDIT_IMPORT_CURSOR_COLLECTION,
  AuditImportCursorSchema,
  MongoAuditImportCursorRepository,
} from './persistence/mongo-audit-import-cursor.repository';
import { DossierStateRepository } from './persistence/dossier-state.repository';
import { DossierAccessRepository } from './persistence/dossier-access.repository';
import { InstructeurGroupesRepository } from './persistence/instructeur-groupes.repository';
import { MongoAuditEventRepository } from './persistence/mongo-audit-event.repository';
import {
  DOSSIER_ACCESS_COLLECTION,
  DossierAccessSchema,
  MongoDossierAccessRepository,
} from './persistence/mongo-dossier-access.repository';
import {
  MongoRoleAssignmentRepository,
  ROLE_ASSIGNMENT_COLLECTION,
  RoleAssignmentSchema,
} from './persistence/mongo-role-assignment.repository';
import { RoleAssignmentRepository } from './persistence/role-assignment.repository';
import {
  INSTRUCTEUR_GROUPES_COLLECTION,
  InstructeurGroupesSchema,
  MongoInstructeurGroupesRepository,
} from './persistence/mongo-instructeur-groupes.repository';
import {
  DOSSIER_STATE_COLLECTION,
  DossierStateSchema,
  MongoDossierStateRepository,
} from './persistence/mongo-dossier-state.repository';
import { RoleAssignment } from './use-cases/assign-role/role-assignment';
import { ChangeEmailUseCase } from './use-cases/change-email/change-email.use-case';
import { DeleteAccountUseCase } from './use-cases/delete-account/delete-account.use-case';
import { GrantAdministrateurUseCase } from './use-cases/grant-administrateur/grant-administrateur.use-case';
import { GrantExpertUseCase } from './use-cases/grant-expert/grant-expert.use-case';
import { ListMyAccessUseCase } from './use-cases/list-my-access/list-my-access.use-case';
import { SyncInstructeurGroupesUseCase } from './use-cases/sync-instructeur-groupes/sync-instructeur-groupes.use-case';
import { TrackDossierAccessUseCase } from './use-cases/track-dossier-access/track-dossier-access.use-case';
import { TrackDossierStatesUseCase } from './use-cases/track-dossier-states/track-dossier-states.use-case';
import { ImportKeycloakEventsUseCase } from './use-cases/import-keycloak-events/import-keycloak-events.use-case';
import { InviteAgentUseCase } from './use-cases/invite-agent/invite-agent.use-case';
import { QueryAuditEventsUseCase } from './use-cases/query-audit-events/query-audit-events.use-case';
import { RecordAuditEventUseCase } from './use-cases/record-audit-event/record-audit-event.use-case';
import { RevokeAdministrateurUseCase } from './use-cases/revoke-administrateur/revoke-administrateur.use-case';
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
        MongooseModule.forFeature([
          { name: USER_COLLECTION, schema: UserSchema },
          { name: AUDIT_EVENT_COLLECTION, schema: AuditEventSchema },
          { name: AUDIT_IMPORT_CURSOR_COLLECTION, schema: AuditImportCursorSchema },
          { name: DOSSIER_STATE_COLLECTION, schema: DossierStateSchema },
          { name: INSTRUCTEUR_GROUPES_COLLECTION, schema: InstructeurGroupesSchema },
          { name: DOSSIER_ACCESS_COLLECTION, schema: DossierAccessSchema },
          { name: ROLE_ASSIGNMENT_COLLECTION, schema: RoleAssignmentSchema },
          ...apiTokenSchemas,
        ]),
        // Groupes instructeurs (instructeur role), invités and dossier states (deletion rule) follow events.
        KafkaModule.forRoot(kafkaOptionsFromEnv(config)),
        // RoleGranted / RoleRemoved leave through the role record's outbox.
        OutboxModule.forFeature({ collection: ROLE_ASSIGNMENT_COLLECTION, topic: Topics.identity }),
        ...apiTokenImports(config),
        // Keycloak's events reach the audit trail through a repeatable job (ADR 0017).
        QueueModule.forFeature(auditImportQueue),
      ],
      controllers: [MeController, AdminController, ...apiTokenControllers],
      providers: [
        Clock,
        { provide: UserRepository, useClass: MongoUserRepository },
        { provide: AuditEventRepository, useClass: MongoAuditEventRepository },
        { provide: AuditImportCursorRepository, useClass: MongoAuditImportCursorRepository },
        { provide: DossierStateRepository, useClass: MongoDossierStateRepository },
        { provide: InstructeurGroupesRepository, useClass: MongoInstructeurGroupesRepository },
        { provide: DossierAccessRepository, useClass: MongoDossierAccessRepository },
        { provide: RoleAssignmentRepository, useClass: MongoRoleAssignmentRepository },
        { provide: KeycloakAdmin, useClass: HttpKeycloakAdmin },
        ResolveCurrentUserUseCase,
        RecordAuditEventUseCase,
        ImportKeycloakEventsUseCase,
        AuditImportProcessor,
        QueryAuditEventsUseCase,
        GrantAdministrateurUseCase,
        RevokeAdministrateurUseCase,
        InviteAgentUseCase,
        ChangeEmailUseCase,
        DeleteAccountUseCase,
        RoleAssignment,
        SyncInstructeurGroupesUseCase,
        TrackDossierAccessUseCase,
        TrackDossierStatesUseCase,
        GrantExpertUseCase,
        ListMyAccessUseCase,
        ProcedureEventsConsumer,
        DossierEventsConsumer,
        ...apiTokenProviders(config),
      ],
    };
  }
}
