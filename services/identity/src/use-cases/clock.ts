import { Injectable } from '@nestjs/common';

/** The time source of use cases, replaced by a fixed clock in unit tests. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
