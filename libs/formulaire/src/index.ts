// Shared knowledge of a démarche's form: conditions (display and routing), validated by form-builder, evaluated by
// dossier. Pure functions and types: no framework, no I/O (tag type:domain).
export * from './condition';
export * from './evaluation';
export * from './validation';
