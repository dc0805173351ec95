import { type INestApplication, Injectable } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The one error shape of every response (see @demarches/platform-errors): a code to branch on, a French message. */
const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', example: 'DEMARCHE_INCOMPLETE' },
        message: {
          type: 'string',
          example: 'La démarche ne peut pas être publiée : il manque au moins un instructeur.',
        },
        details: { type: 'object', additionalProperties: true },
        errorId: { type: 'string', description: 'Présent sur les erreurs 5xx : identifiant journalisé' },
      },
    },
  },
};

const ERROR_RESPONSES: Record<string, string> = {
  '400':
    'Requête invalide (VALIDATION_FAILED, ou une règle métier : DESCRIPTION_INVALID, DEMARCHE_INCOMPLETE…)',
  '401': 'Identité interne absente ou invalide',
  '403': 'Rôle administrateur requis',
  '404': "La démarche n'existe pas, ou l'appelant ne l'administre pas (même réponse)",
  '409': 'Conflit : transition impossible, lien déjà pris, version périmée (STALE_VERSION)…',
};

/** The OpenAPI document of form-builder's REST API, every operation answering errors in the coded shape. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Démarches — form-builder')
    .setDescription(
      'API des administrateurs : construire, décrire, tester, publier, clore, cloner les démarches. Derrière la passerelle, sous /api. Les erreurs ont toujours la forme { error: { code, message, details?, errorId? } }.',
    )
    .setVersion('1')
    .addServer('/api')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Error: ERROR_SCHEMA },
  };
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = path[method];
      if (!operation) continue;
      operation.security = [{ bearer: [] }];
      for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
        operation.responses[status] ??= {
          description,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        };
      }
    }
  }
  return document;
}

/** The document, built once the routes are known; DocsController serves it. */
@Injectable()
export class OpenApiDocumentHolder {
  document: OpenAPIObject | undefined;
}

/**
 * Builds the document for /docs (Swagger UI) and /docs-json. It runs as bootstrapService's beforeListen, after
 * app.init(): routes added to Express then would sit behind Nest's not-found handler, so a Nest controller
 * (DocsController) serves the document instead of SwaggerModule.setup.
 */
export async function setupOpenApi(app: INestApplication): Promise<void> {
  app.get(OpenApiDocumentHolder).document = openApiDocument(app);
}
