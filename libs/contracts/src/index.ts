// @demarches/contracts: generated protobuf messages (src/generated, from proto/) and the typed catalogues.
export * from './codec';
export * from './topics';
export * from './catalog';
export * from './generated/google/protobuf/timestamp';
export * from './generated/demarches/common/v1/errors';
export * from './generated/demarches/procedure/v1/champ_type';
export * from './generated/demarches/procedure/v1/events';
export * from './generated/demarches/dossier/v1/dossier';
export * from './generated/demarches/dossier/v1/events';
export * from './generated/demarches/dossier/v1/commands';
export * from './generated/demarches/messaging/v1/events';
export * from './generated/demarches/notification/v1/events';
export * from './generated/demarches/export/v1/events';
export * from './generated/demarches/identity/v1/events';
export * from './generated/demarches/geo/v1/commands';
export * from './champ-type-names';
export * from './generated/demarches/procedure/v1/condition';
