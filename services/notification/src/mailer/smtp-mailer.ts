import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectConfig } from '@demarches/platform-config';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { NotificationConfig } from '../config';
import { Mailer, OutgoingEmail } from '../persistence/ports';

type SmtpConfig = Pick<
  NotificationConfig,
  'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_SECURE' | 'SMTP_FROM' | 'SMTP_USER' | 'SMTP_PASSWORD'
>;

/** Real SMTP through nodemailer (Mailpit locally, the ministry's relay in production). */
@Injectable()
export class SmtpMailer extends Mailer implements OnModuleDestroy {
  private readonly transport: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;
  private readonly senderDomain: string;

  constructor(@InjectConfig() private readonly config: SmtpConfig) {
    super();
    this.transport = createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } : undefined,
      pool: true,
      maxConnections: 3,
      connectionTimeout: 10_000,
      socketTimeout: 30_000,
    });
    this.senderDomain = /@([^>\s]+)>?$/.exec(config.SMTP_FROM)?.[1] ?? 'localhost';
  }

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail({
      from: this.config.SMTP_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      // Derived from the delivery: a copy sent again after a crash carries the same Message-ID,
      // which mail systems use to recognise the duplicate.
      messageId: `<${email.deliveryId}@${this.senderDomain}>`,
      headers: { 'X-Demarches-Delivery': email.deliveryId },
    });
    return { messageId: info.messageId };
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
