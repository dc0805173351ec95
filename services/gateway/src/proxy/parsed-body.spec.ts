import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { replayableBody } from './parsed-body';

function request(contentType: string | undefined, consumed: boolean, body?: unknown): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  if (contentType) req.headers['content-type'] = contentType;
  if (consumed) {
    req.push(null);
    req.resume();
    req.read();
  }
  Object.assign(req, { body });
  return req;
}

async function ended(req: IncomingMessage): Promise<IncomingMessage> {
  if (!req.readableEnded) await new Promise((resolve) => req.once('end', resolve));
  return req;
}

describe(replayableBody.name, () => {
  it('leaves an unread body to be streamed', () => {
    expect(replayableBody(request('application/octet-stream', false))).toBeUndefined();
  });

  it('re-encodes a JSON body a parser already consumed', async () => {
    const req = await ended(request('application/json', true, { texte: 'Bonjour é', n: 1 }));
    expect(replayableBody(req)?.toString('utf8')).toBe('{"texte":"Bonjour é","n":1}');
  });

  it('re-encodes a flat urlencoded form', async () => {
    const req = await ended(request('application/x-www-form-urlencoded', true, { a: '1', b: 'x y' }));
    expect(replayableBody(req)?.toString('utf8')).toBe('a=1&b=x+y');
  });

  it('sends an empty body when the consumed stream had none', async () => {
    const req = await ended(request(undefined, true));
    expect(replayableBody(req)?.length).toBe(0);
  });
});
