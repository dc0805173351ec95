export * from './pdf-document';
export * from './image-format';
export * from './render-pdf';
export * from './pdf-text';
