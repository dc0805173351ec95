export * from './namespace';
export * from './local-infrastructure';
