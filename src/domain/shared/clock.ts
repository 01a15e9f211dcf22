// Where every part of the service gets the time: one clock, passed in. Production reads the system
// clock (application/context.ts); tests pass a clock they move (test/helpers/test-clock.ts).
export interface Clock {
  now(): Date;
}
