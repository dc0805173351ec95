import { SenderRole, Topics } from '@demarches/contracts';
import { outboxEvent } from '@demarches/platform-kafka';
import { DocumentFields, StoredDocument, VersionedRepository } from '@demarches/platform-mongo';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Message } from '../domain/message';
import { MESSAGE_MODEL, MessageDocument } from './message.schema';
import { Messages } from './ports';

const SENDER_ROLES: Record<Message['senderRole'], SenderRole> = {
  usager: SenderRole.USAGER,
  instructeur: SenderRole.INSTRUCTEUR,
};

@Injectable()
export class MessageRepository extends VersionedRepository<Message, MessageDocument> {
  protected readonly aggregateName = 'Message';

  constructor(@InjectModel(MESSAGE_MODEL) model: Model<MessageDocument>) {
    super(model);
  }

  protected toEntity(doc: StoredDocument<MessageDocument>): Message {
    const { _id, version: _version, ...fields } = doc;
    return { id: _id, ...fields };
  }

  protected toDocument(entity: Message): DocumentFields<MessageDocument> {
    const { id, ...fields } = entity;
    return { _id: id, ...fields };
  }

  async listByDossier(dossierId: string): Promise<Message[]> {
    const docs = await this.model
      .find({ dossierId }, { outbox: 0 })
      .sort({ sentAt: 1, _id: 1 })
      .lean<StoredDocument<MessageDocument>[]>()
      .exec();
    return docs.map((doc) => this.toEntity(doc));
  }
}

@Injectable()
export class MongoMessages extends Messages {
  constructor(private readonly repository: MessageRepository) {
    super();
  }

  async send(message: Message): Promise<void> {
    // Keyed by dossier: every message of a dossier stays ordered on one partition.
    const event = outboxEvent(Topics.messaging, 'MessageSent', message.dossierId, {
      messageId: message.id,
      dossierId: message.dossierId,
      demarcheId: message.demarcheId,
      senderEmail: message.senderEmail,
      senderRole: SENDER_ROLES[message.senderRole],
      body: message.body,
      attachmentKeys: [],
      sentAt: message.sentAt,
    });
    await this.repository.insert(message, [event]);
  }

  listByDossier(dossierId: string): Promise<Message[]> {
    return this.repository.listByDossier(dossierId);
  }
}
