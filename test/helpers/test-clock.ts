// A clock tests can move: sessions, lock-outs and token expiry all read it.
import type { Clock } from '../../src/domain/shared/clock.ts';

export class TestClock implements Clock {
  private current: number;

  constructor(start = '2026-11-22T09:00:00Z') {
    this.current = Date.parse(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  advanceMinutes(minutes: number): void {
    this.current += minutes * 60_000;
  }
}
