import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatabaseUnavailableError, isConnectionLost, isDatabaseUnavailable, isReadOnlyRefusal, ReadOnlyServerError } from './connection-errors.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('Which database errors mean "no writable database for a moment"', () => {
  it('a refused or cut socket, a server shutting down or starting, and the driver finding its connection gone', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001']) assert.ok(isConnectionLost(withCode(code)), code);
    assert.ok(isConnectionLost(new Error('Connection terminated unexpectedly')));
    assert.ok(isConnectionLost(new Error('Client has encountered a connection error and is not queryable')));
  });

  it('a read-only server: a standby, or one being demoted', () => {
    assert.ok(isReadOnlyRefusal(withCode('25006', 'cannot execute INSERT in a read-only transaction')));
    assert.ok(isReadOnlyRefusal(new ReadOnlyServerError('standby')));
    assert.ok(!isConnectionLost(withCode('25006')));
  });

  it('counts what caused an error too, and no writable server at all', () => {
    assert.ok(isDatabaseUnavailable(new DatabaseUnavailableError('none')));
    assert.ok(isDatabaseUnavailable(new Error('rollback failed', { cause: withCode('57P01') })));
  });

  it('must not fire for a fault in the statement or the data, which a retry would not mend', () => {
    for (const code of ['23505', '23503', '42P01', '40001', '22P02', '53300']) assert.ok(!isDatabaseUnavailable(withCode(code)), code);
    assert.ok(!isDatabaseUnavailable(new Error('Connection string is wrong')));
    assert.ok(!isDatabaseUnavailable(undefined));
    assert.ok(!isDatabaseUnavailable('ECONNREFUSED'));
  });
});
