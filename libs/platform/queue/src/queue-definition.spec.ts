import { bullJobId, defineQueue } from './queue-definition';

describe(bullJobId.name, () => {
  it('gives the same id for the same key, so a retried enqueue is deduplicated', () => {
    expect(bullJobId('send-mail', 'delivery-1')).toBe(bullJobId('send-mail', 'delivery-1'));
  });

  it("accepts keys BullMQ would refuse (':' and integers) without two keys colliding", () => {
    expect(bullJobId('send-mail', 'dossier:42')).toBe('send-mail/dossier%3A42');
    expect(bullJobId('send-mail', 'dossier%3A42')).not.toBe(bullJobId('send-mail', 'dossier:42'));
    expect(bullJobId('send-mail', '42')).toBe('send-mail/42');
  });

  it('keeps two job types with the same key apart', () => {
    expect(bullJobId('send-mail', 'd1')).not.toBe(bullJobId('call-webhook', 'd1'));
  });
});

describe(defineQueue.name, () => {
  it('refuses names that would break Redis keys or metrics labels', () => {
    expect(defineQueue<{ 'send-mail': { to: string } }>('notifications').name).toBe('notifications');
    expect(() => defineQueue('Notifications:mails')).toThrow(/kebab-case/);
  });
});
