import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syntheticPartnership } from './generate-partnership.ts';
import { firstHealthVisitorEmail } from './synthetic-staff.ts';

const TODAY = '2026-11-22';

function userWithEmail(infants: number, seed: number) {
  const partnership = syntheticPartnership({ infants, seed, today: TODAY });
  const user = [...partnership.users()].find((u) => u.email === firstHealthVisitorEmail({ infants, seed }));
  const organisation = [...partnership.organisations()].find((o) => o.id === user?.organisationId);
  return { partnership, user, organisation };
}

describe('synthetic staff', () => {
  it('names the first health visitor, a practitioner in a health visiting organisation', () => {
    for (const infants of [1, 100, 5_000]) {
      const { user, organisation } = userWithEmail(infants, 9);
      assert.equal(user?.role, 'practitioner', String(infants));
      assert.equal(organisation?.kind, 'health-visiting', String(infants));
    }
  });

  it("gives the demo's first health visitor (100 infants, seed 1) born babies to lead", () => {
    const { partnership, user } = userWithEmail(100, 1);
    const led = [...partnership.families()].filter((f) => f.team.some((m) => m.userId === user?.id && m.role === 'lead-professional'));
    assert.ok(led.length >= 10, `${String(led.length)} families led`);
    assert.ok(led.every((f) => f.record.status === 'born'));
  });
});
