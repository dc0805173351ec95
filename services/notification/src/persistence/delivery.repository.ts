import { Topics } from '@demarches/contracts';
import { outboxEvent } from '@demarches/platform-kafka';
import {
  DocumentFields,
  isDuplicateKeyError,
  StoredDocument,
  VersionedRepository,
} from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Delivery } from '../mail/delivery';
import { DeliveryDocument } from './delivery.schema';
import { Deliveries, SendFailure } from './ports';

export const DELIVERY_MODEL = 'Delivery';

@Injectable()
export class DeliveryRepository extends VersionedRepository<Delivery, DeliveryDocument> {
  protected readonly aggregateName = 'Delivery';

  constructor(@InjectModel(DELIVERY_MODEL) model: Model<DeliveryDocument>) {
    super(model);
  }

  protected toEntity(doc: StoredDocument<DeliveryDocument>): Delivery {
    const { _id, version: _version, ...fields } = doc;
    return { id: _id, ...fields };
  }

  protected toDocument(entity: Delivery): DocumentFields<DeliveryDocument> {
    const { id, ...fields } = entity;
    return { _id: id, ...fields };
  }

  /** The version a status write starts from; a delivery is only written by its one job, so no race is expected. */
  async currentVersion(id: string): Promise<number> {
    const doc = await this.model.findById(id, { version: 1 }).lean<{ version: number }>().exec();
    if (!doc) throw new Error(`delivery ${id} vanished`);
    return doc.version;
  }
}

/** The Deliveries port over the versioned repository, with the outbox events of each status change. */
@Injectable()
export class MongoDeliveries extends Deliveries {
  constructor(private readonly repository: DeliveryRepository) {
    super();
  }

  async createIfAbsent(delivery: Delivery): Promise<boolean> {
    try {
      await this.repository.insert(delivery);
      return true;
    } catch (error: unknown) {
      if (isDuplicateKeyError(error) || isDuplicateAggregate(error)) return false;
      throw error;
    }
  }

  async find(id: string): Promise<Delivery | null> {
    return (await this.repository.findById(id)) ?? null;
  }

  async markSent(id: string, messageId: string, at: Date): Promise<void> {
    const delivery = await this.repository.findById(id);
    if (!delivery) return;
    const event = outboxEvent(Topics.notification, 'EmailDelivered', id, {
      deliveryId: id,
      template: delivery.kind,
      recipientEmail: delivery.recipient,
      dossierId: delivery.dossierId,
      smtpMessageId: messageId,
      deliveredAt: at,
    });
    await this.repository.update(
      id,
      await this.repository.currentVersion(id),
      { status: 'sent', messageId, sentAt: at, attempts: delivery.attempts + 1, lastError: null },
      [event],
    );
  }

  async recordFailure(id: string, failure: SendFailure, at: Date): Promise<void> {
    const delivery = await this.repository.findById(id);
    if (!delivery) return;
    const changes = { attempts: failure.attempts, lastError: `${failure.code}: ${failure.message}` };
    if (!failure.permanent) {
      await this.repository.update(id, await this.repository.currentVersion(id), changes);
      return;
    }
    const event = outboxEvent(Topics.notification, 'EmailFailed', id, {
      deliveryId: id,
      template: delivery.kind,
      recipientEmail: delivery.recipient,
      dossierId: delivery.dossierId,
      errorCode: failure.code,
      errorMessage: failure.message,
      attempts: failure.attempts,
      permanent: true,
      failedAt: at,
    });
    await this.repository.update(
      id,
      await this.repository.currentVersion(id),
      { ...changes, status: 'failed' },
      [event],
    );
  }
}

function isDuplicateAggregate(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'DUPLICATE_ID';
}
