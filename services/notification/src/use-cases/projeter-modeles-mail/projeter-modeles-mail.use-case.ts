import { DemarchePublished } from '@demarches/contracts';
import { Injectable } from '@nestjs/common';
import { EmailTemplate } from '../../mail/balise-renderer';
import { EmailKind, emailKindOfMailKind } from '../../mail/email-kind';
import { DemarcheMailTemplates } from '../../persistence/ports';

/**
 * Keeps the e-mail templates the administrateurs customised for each démarche. Each DemarchePublished is a complete
 * snapshot (a kind absent from it is back to the default), published again whenever a template changes after
 * publication; the démarche version makes a late or replayed snapshot lose against a newer one.
 */
@Injectable()
export class ProjeterModelesMailUseCase {
  constructor(private readonly templates: DemarcheMailTemplates) {}

  execute(event: DemarchePublished): Promise<boolean> {
    const templates: Partial<Record<EmailKind, EmailTemplate>> = {};
    for (const template of event.mailTemplates) {
      // A kind added to the contract later and unknown here is skipped: its default never existed either.
      const kind = emailKindOfMailKind(template.kind);
      if (kind) templates[kind] = { subject: template.subject, body: template.body };
    }
    const labels = [...event.champs, ...event.annotations].flatMap((champ) => [
      champ.label,
      ...champ.children.map((child) => child.label),
    ]);
    return this.templates.apply({
      demarcheId: event.demarcheId,
      version: event.version,
      templates,
      labels: [...new Set(labels)],
    });
  }
}
