export * from './default-mail-templates';
