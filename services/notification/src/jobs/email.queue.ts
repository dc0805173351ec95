import { defineQueue } from '@demarches/platform-queue';

/** The queue that sends e-mails; one job per delivery, its id being the delivery (event) id. */
export const emailQueue = defineQueue<{ 'send-email': { deliveryId: string } }>('notification-emails');
