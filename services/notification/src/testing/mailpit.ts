// Test-only reader of the SMTP capture server's HTTP API (Mailpit).
export interface CapturedMail {
  ID: string;
  Subject: string;
  To: Array<{ Address: string }>;
  From: { Address: string; Name: string };
}

export async function searchMails(apiUrl: string, to: string): Promise<CapturedMail[]> {
  const response = await fetch(`${apiUrl}/api/v1/search?query=${encodeURIComponent(`to:${to}`)}`);
  if (!response.ok) throw new Error(`mailpit search answered ${response.status}`);
  const body = (await response.json()) as { messages: CapturedMail[] };
  return body.messages;
}

export async function mailText(apiUrl: string, id: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/v1/message/${id}`);
  if (!response.ok) throw new Error(`mailpit message answered ${response.status}`);
  return ((await response.json()) as { Text: string }).Text;
}

/** Polls until `count` mails reached `to`, then returns them (oldest first). */
export async function waitForMails(
  apiUrl: string,
  to: string,
  count: number,
  timeoutMs = 30_000,
): Promise<CapturedMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await searchMails(apiUrl, to);
    if (mails.length >= count) return mails.reverse();
    if (Date.now() > deadline) throw new Error(`expected ${count} mail(s) to ${to}, got ${mails.length}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
