import { CurrentUser, type InternalIdentity, RequireRole } from '@demarches/platform-auth';
import { parseInput, ZodBody } from '@demarches/platform-errors';
import { Body, Controller, Delete, Get, Param, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { assertImageKind, attestationOf, personnaliserAttestation } from '../domain/attestation';
import { balisesDisponibles } from '../domain/mail-templates';
import { PersonnaliserAttestationUseCase } from '../use-cases/personnaliser-attestation/personnaliser-attestation.use-case';
import { PrevisualiserAttestationUseCase } from '../use-cases/previsualiser-attestation/previsualiser-attestation.use-case';
import { confirmerImageBody, personnaliserAttestationBody, televersementImageBody } from './attestation.dto';

/** The attestation template (title, body with balises, footer, logo, signature, QR code) and its PDF preview. */
@ApiTags('attestation')
@Controller('demarches/:id/attestation')
@RequireRole('administrateur')
export class AttestationController {
  constructor(
    private readonly attestation: PersonnaliserAttestationUseCase,
    private readonly apercu: PrevisualiserAttestationUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Le modèle d’attestation (ou celui par défaut) et les balises utilisables' })
  async get(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    const demarche = await this.attestation.consulter(user.email, id);
    return {
      attestation: attestationOf(demarche),
      custom: demarche.attestation !== null,
      balises: balisesDisponibles(demarche),
    };
  }

  @Put()
  @ApiOperation({
    summary: 'Enregistrer le modèle (activé, titre, corps avec balises, pied de page, QR code)',
  })
  @ZodBody(personnaliserAttestationBody)
  put(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    const input = parseInput(personnaliserAttestationBody, body);
    return this.attestation.execute(user.email, id, (demarche) => personnaliserAttestation(demarche, input));
  }

  @Get('apercu')
  @ApiOperation({ summary: 'Aperçu PDF de l’attestation, balises remplies avec des valeurs d’exemple' })
  @ApiProduces('application/pdf')
  async preview(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    const { filename, pdf } = await this.apercu.execute(user.email, id);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="${filename}"`,
    });
  }

  @Post('images/:kind/televersement')
  @ApiOperation({
    summary: 'Préparer le téléversement du logo ou de la signature (PNG/JPEG ≤ 5 Mo) : URL présignée',
  })
  @ZodBody(televersementImageBody)
  upload(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Body() body: unknown,
  ) {
    const imageKind = assertImageKind(kind);
    const input = parseInput(televersementImageBody, body);
    return this.attestation.preparerTeleversement(user.email, id, imageKind, input);
  }

  @Put('images/:kind')
  @ApiOperation({ summary: 'Confirmer l’image téléversée (taille et octets vérifiés)' })
  @ZodBody(confirmerImageBody)
  confirm(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Body() body: unknown,
  ) {
    const imageKind = assertImageKind(kind);
    return this.attestation.confirmerImage(user.email, id, imageKind, parseInput(confirmerImageBody, body));
  }

  @Delete('images/:kind')
  @ApiOperation({ summary: 'Retirer le logo ou la signature' })
  remove(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Param('kind') kind: string) {
    return this.attestation.supprimerImage(user.email, id, assertImageKind(kind));
  }
}
