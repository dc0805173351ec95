// Shared knowledge of a démarche's form: the champ types, and conditions (display and routing), validated by
// form-builder, evaluated by dossier. Pure functions and types: no framework, no I/O (tag type:domain).
export * from './type-de-champ';
export * from './condition';
export * from './evaluation';
export * from './validation';
