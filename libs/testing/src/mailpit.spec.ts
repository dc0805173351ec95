import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Mailpit } from './mailpit';

/** A stand-in for Mailpit's REST API: the search answers newest first, as Mailpit does. */
function mailpitStub(): { server: Server; searches: string[]; visible: number[] } {
  const searches: string[] = [];
  // How many of the two mails each next search shows; the last count sticks.
  const visible = [2];
  const messages = [
    {
      ID: 'm2',
      Subject: 'second',
      From: { Address: 'from@x.fr', Name: 'Démarches' },
      To: [{ Address: 'u@x.fr' }],
    },
    {
      ID: 'm1',
      Subject: 'first',
      From: { Address: 'from@x.fr', Name: 'Démarches' },
      To: [{ Address: 'u@x.fr' }],
    },
  ];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    if (url.pathname === '/api/v1/search') {
      searches.push(url.searchParams.get('query') ?? '');
      const count = visible.length > 1 ? visible.shift()! : visible[0];
      res.end(JSON.stringify({ messages: messages.slice(messages.length - count) }));
    } else if (url.pathname.startsWith('/api/v1/message/')) {
      res.end(JSON.stringify({ Text: `text of ${url.pathname.split('/').pop()}` }));
    } else {
      res.writeHead(404).end();
    }
  });
  return { server, searches, visible };
}

describe(Mailpit.name, () => {
  const stub = mailpitStub();
  let mailpit: Mailpit;

  beforeAll(async () => {
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', () => resolve()));
    mailpit = new Mailpit(`http://127.0.0.1:${(stub.server.address() as AddressInfo).port}`);
  });
  afterAll(() => new Promise<void>((resolve) => stub.server.close(() => resolve())));

  it('lists the mails to an address oldest first, searching for the quoted address', async () => {
    expect(await mailpit.search('u@x.fr')).toEqual([
      { id: 'm1', subject: 'first', from: { address: 'from@x.fr', name: 'Démarches' }, to: ['u@x.fr'] },
      { id: 'm2', subject: 'second', from: { address: 'from@x.fr', name: 'Démarches' }, to: ['u@x.fr'] },
    ]);
    expect(stub.searches.at(-1)).toBe('to:"u@x.fr"');
  });

  it('reads the text of every mail with mailsTo', async () => {
    expect((await mailpit.mailsTo('u@x.fr')).map((m) => [m.id, m.text])).toEqual([
      ['m1', 'text of m1'],
      ['m2', 'text of m2'],
    ]);
  });

  it('waits until enough mails arrived, and says how many came when they do not', async () => {
    stub.visible.splice(0, stub.visible.length, 0, 1, 2);
    expect((await mailpit.waitForMails('u@x.fr', 2)).map((m) => m.id)).toEqual(['m1', 'm2']);
    await expect(mailpit.waitForMails('u@x.fr', 3, 300)).rejects.toThrow(
      'expected 3 mail(s) to u@x.fr, got 2',
    );
  });
});
