import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acknowledgementRefusal, requestRoute, type RequestFacts } from './decision-request.ts';

describe('acknowledging a request for a decision’s answer', () => {
  it('is refused while the decision awaits an answer', () => {
    assert.equal(acknowledgementRefusal({ decisionId: 'd1', awaitingAnswer: true }), 'answer-needed');
  });
  it('is allowed once the decision is answered, and for any alert about no decision', () => {
    assert.equal(acknowledgementRefusal({ decisionId: 'd1', awaitingAnswer: false }), null);
    assert.equal(acknowledgementRefusal({ decisionId: null, awaitingAnswer: false }), null);
    assert.equal(acknowledgementRefusal({ decisionId: null, awaitingAnswer: true }), null);
  });
});

describe('where a request for a decision’s answer goes', () => {
  const facts = (over: Partial<RequestFacts>): RequestFacts => ({ reached: new Set(['mark']), decidedBy: 'hana', leadsWhoCanSee: ['mark', 'lena'], partnershipLeads: ['pia'], saidUnreached: false, ...over });

  it('stays while a lead it reached can still answer', () => {
    assert.deepEqual(requestRoute(facts({})), { via: 'stays' });
    assert.deepEqual(requestRoute(facts({ leadsWhoCanSee: ['mark'] })), { via: 'stays' });
  });
  it('goes to the leads who can see the case when none it reached can (account switched off, or no longer sees the case)', () => {
    assert.deepEqual(requestRoute(facts({ leadsWhoCanSee: ['lena', 'lena', 'olu'] })), { via: 'case-leads', leadIds: ['lena', 'olu'] });
  });
  it('never to the decider, even a lead who sees the case', () => {
    assert.deepEqual(requestRoute(facts({ leadsWhoCanSee: ['hana', 'lena'] })), { via: 'case-leads', leadIds: ['lena'] });
    assert.deepEqual(requestRoute(facts({ leadsWhoCanSee: ['hana'], partnershipLeads: ['hana', 'pia'] })), { via: 'partnership', leadIds: ['pia'] });
    // The decider reached (an escalation to their organisation's leads) is no lead who can answer.
    assert.deepEqual(requestRoute(facts({ reached: new Set(['mark', 'hana']), leadsWhoCanSee: ['hana'] })), { via: 'partnership', leadIds: ['pia'] });
  });
  it('goes to the partnership’s designated leads when no lead can see the case, once each', () => {
    assert.deepEqual(requestRoute(facts({ leadsWhoCanSee: [] })), { via: 'partnership', leadIds: ['pia'] });
    assert.deepEqual(requestRoute(facts({ leadsWhoCanSee: [], reached: new Set(['mark', 'pia']) })), { via: 'stays' });
    assert.deepEqual(requestRoute(facts({ leadsWhoCanSee: [], reached: new Set(['mark', 'pia']), partnershipLeads: ['pia', 'quin'] })), { via: 'partnership', leadIds: ['quin'] });
  });
  it('reaches nobody when there is no lead at all, and says so once', () => {
    assert.deepEqual(requestRoute(facts({ leadsWhoCanSee: [], partnershipLeads: [] })), { via: 'nobody' });
    assert.deepEqual(requestRoute(facts({ leadsWhoCanSee: [], partnershipLeads: ['hana'] })), { via: 'nobody' });
    assert.deepEqual(requestRoute(facts({ leadsWhoCanSee: [], partnershipLeads: [], saidUnreached: true })), { via: 'stays' });
  });
});
