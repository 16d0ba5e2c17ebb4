import type { MessageRepo, NotificationSender } from '../core/ports';

/**
 * The local delivery channel: a notification becomes a message in the recipient's in-app inbox.
 * Keyed by the outbox item's id, so a redelivery after a crash stores it once.
 */
export class InAppSender implements NotificationSender {
  constructor(private readonly messages: MessageRepo) {}

  async send(item: Parameters<NotificationSender['send']>[0]): Promise<void> {
    await this.messages.deliver({
      id: item.id,
      recipientOpenid: item.recipientOpenid,
      kind: item.kind,
      title: item.title,
      body: item.body,
      page: item.page,
      createdAt: item.createdAt,
      readAt: null,
    });
  }
}
