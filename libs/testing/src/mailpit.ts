// Reads what really arrived at the SMTP capture server, through Mailpit's REST API.
import { localInfrastructure } from './local-infrastructure';

export interface CapturedMail {
  id: string;
  subject: string;
  from: { address: string; name: string };
  to: string[];
}

export interface CapturedMailWithText extends CapturedMail {
  text: string;
}

interface MailpitSummary {
  ID: string;
  Subject: string;
  From: { Address: string; Name: string };
  To: Array<{ Address: string }>;
}

export class Mailpit {
  constructor(private readonly apiUrl: string = localInfrastructure.mailApiUrl) {}

  /** The mails sent to `address`, oldest first (without their text). */
  async search(address: string): Promise<CapturedMail[]> {
    const query = encodeURIComponent(`to:"${address}"`);
    const response = await fetch(`${this.apiUrl}/api/v1/search?query=${query}&limit=200`);
    if (!response.ok) throw new Error(`mailpit search answered ${response.status}`);
    const { messages } = (await response.json()) as { messages: MailpitSummary[] };
    // Mailpit lists the newest first.
    return messages.reverse().map((m) => ({
      id: m.ID,
      subject: m.Subject,
      from: { address: m.From.Address, name: m.From.Name },
      to: m.To.map((to) => to.Address),
    }));
  }

  /** The plain-text body of one mail. */
  async text(id: string): Promise<string> {
    const response = await fetch(`${this.apiUrl}/api/v1/message/${id}`);
    if (!response.ok) throw new Error(`mailpit message answered ${response.status}`);
    return ((await response.json()) as { Text: string }).Text;
  }

  /** The mails sent to `address` with their text, oldest first. */
  async mailsTo(address: string): Promise<CapturedMailWithText[]> {
    const mails = await this.search(address);
    return Promise.all(mails.map(async (mail) => ({ ...mail, text: await this.text(mail.id) })));
  }

  /** Polls until at least `count` mails reached `address`, then returns them (oldest first). */
  async waitForMails(address: string, count: number, timeoutMs = 30_000): Promise<CapturedMail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mails = await this.search(address);
      if (mails.length >= count) return mails;
      if (Date.now() > deadline)
        throw new Error(`expected ${count} mail(s) to ${address}, got ${mails.length}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
