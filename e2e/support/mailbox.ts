// Reads what really arrived at the SMTP capture server (Mailpit's REST API).
const MAIL_API = process.env.E2E_MAIL_API_URL ?? 'http://127.0.0.1:8025';

export interface CapturedMail {
  id: string;
  subject: string;
  to: string[];
  from: string;
  text: string;
}

interface MailpitSummary {
  ID: string;
  Subject: string;
  To: { Address: string }[];
  From: { Address: string };
}

export async function mailsTo(address: string): Promise<CapturedMail[]> {
  const search = await fetch(
    `${MAIL_API}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}&limit=200`,
  );
  if (!search.ok) throw new Error(`mail API answered ${search.status}`);
  const { messages } = (await search.json()) as { messages: MailpitSummary[] };
  return Promise.all(
    messages.map(async (summary) => {
      const detail = (await (await fetch(`${MAIL_API}/api/v1/message/${summary.ID}`)).json()) as {
        Text: string;
      };
      return {
        id: summary.ID,
        subject: summary.Subject,
        to: summary.To.map((to) => to.Address),
        from: summary.From.Address,
        text: detail.Text,
      };
    }),
  );
}
