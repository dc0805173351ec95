import { Public } from '@demarches/platform-auth';
import { DomainError } from '@demarches/platform-errors';
import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { OpenApiDocumentHolder } from './openapi';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Démarches — form-builder API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/docs-json', dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });</script>
</body></html>`;

/** Swagger UI's static files, shipped with @nestjs/swagger's dependency swagger-ui-dist. */
const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));

function notFound(): DomainError {
  return new DomainError('NOT_FOUND', 'not_found', "Cette ressource n'existe pas.");
}

/** The OpenAPI document (/docs-json) and Swagger UI (/docs), public inside the cluster like /health. */
@ApiExcludeController()
@Public()
@Controller()
export class DocsController {
  constructor(private readonly holder: OpenApiDocumentHolder) {}

  @Get('docs-json')
  json() {
    if (!this.holder.document) throw notFound();
    return this.holder.document;
  }

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Get('docs/assets/:name')
  asset(@Param('name') name: string): StreamableFile {
    const type = ASSETS[name];
    if (!type) throw notFound();
    return new StreamableFile(createReadStream(join(SWAGGER_UI_DIR, name)), { type });
  }
}
