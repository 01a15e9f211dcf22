import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckItem, Plan } from '../plan/plan.types.ts';
import type { ProfilePerson } from '../profile/profile.types.ts';
import { CONTACT_PROBLEMS, contactNotices, planContact, type ContactAnswers, type ContactContext, type ContactDetails, type ContactPlan } from './contact-record.ts';

const person = (id: string, relationshipToInfant: string, flags: Partial<ProfilePerson> = {}): ProfilePerson => ({
  id,
  name: id,
  relationshipToInfant,
  livesInHousehold: false,
  caresForInfant: false,
  visitsRegularly: false,
  identityKnown: true,
  dateOfBirth: null,
  historyChecked: true,
  ...flags,
});

const context: ContactContext = {
  today: '2026-11-22',
  born: true,
  people: [
    person('mum', 'mother', { livesInHousehold: true, caresForInfant: true }),
    person('dad', 'father', { caresForInfant: true }),
    person('tyler', 'half-sibling', { livesInHousehold: true }),
    // Not a significant adult: neither lives with, cares for nor visits the baby.
    person('aunt', 'other-relative'),
  ],
};

const seen: ContactAnswers = {
  kind: 'home-visit',
  occurredOn: '2026-11-20',
  babySeen: 'yes',
  awakeOrAsleep: 'awake',
  interaction: 'Mum talked to Ruby while feeding; Ruby watched her face',
  dressed: 'Clean vest and sleepsuit, warm enough',
  demeanour: 'Alert and settled',
  whereKept: 'In a bouncer in the living room, then in mum’s arms',
  presentIds: ['mum'],
  sleepingSeen: 'no',
  safeSleepAdvice: 'no',
  cryingAdvice: 'no',
  summary: 'Routine visit at 6 weeks',
};

function plan(answers: Partial<ContactAnswers>, ctx: ContactContext = context): ContactPlan {
  const result = planContact({ ...seen, ...answers }, ctx);
  assert.ok(result.ok, `expected a plan, got ${result.ok ? '' : result.problems.join(', ')}`);
  return result.plan;
}

function problems(answers: Partial<ContactAnswers>, ctx: ContactContext = context): string[] {
  const result = planContact({ ...seen, ...answers }, ctx);
  return result.ok ? [] : result.problems;
}

const evidence = (p: ContactPlan) => p.evidence.map((e) => `${e.factorId}${e.personId ? `|${e.personId}` : ''} ${e.indicates} ${e.source}`);

describe('recording a contact: the contact entry', () => {
  it('is one entry of the kind chosen, observed, with who was present and the baby seen, and every lived-experience answer in its details', () => {
    const p = plan({ siblingsSaid: 'Tyler said the baby cries a lot', stressPointsReviewed: 'Night feeds; Daniel at weekends only' });
    assert.deepEqual(p.contact, {
      kind: 'home-visit',
      occurredAt: '2026-11-20',
      source: 'observed',
      presentIds: ['mum'],
      summary: 'Routine visit at 6 weeks.',
      significant: false,
      babySeen: true,
      details: {
        form: 'contact',
        babySeen: true,
        jointWith: null,
        notSeenReason: null,
        awakeOrAsleep: 'awake',
        interaction: 'Mum talked to Ruby while feeding; Ruby watched her face',
        dressed: 'Clean vest and sleepsuit, warm enough',
        demeanour: 'Alert and settled',
        whereKept: 'In a bouncer in the living room, then in mum’s arms',
        unknownAdult: null,
        sleepingArrangements: 'not-seen',
        unsafeSleepSeen: null,
        safeSleepAdvice: { given: false },
        copingWithCryingAdvice: { given: false },
        siblingsSaid: 'Tyler said the baby cries a lot',
        stressPointsReviewed: 'Night feeds; Daniel at weekends only',
      },
    });
    assert.deepEqual(p.discussions, []);
    assert.deepEqual(p.evidence, []);
    assert.deepEqual(p.notices, []);
  });

  it('takes each contact kind, and nothing else', () => {
    for (const kind of ['home-visit', 'new-birth-visit', 'six-to-eight-week-review', 'unannounced-visit', 'clinic-contact', 'antenatal-appointment', 'gp-consultation']) {
      assert.equal(plan({ kind }).contact.kind, kind);
      assert.equal(plan({ kind }).contact.babySeen, true, kind);
    }
    assert.equal(plan({ kind: 'joint-visit', jointWith: "Children's social care" }).contact.kind, 'joint-visit');
    for (const kind of ['', 'case-note', 'police-incident', 'toString']) assert.deepEqual(problems({ kind }), ['kind-needed'], kind);
  });

  it('needs a real date in 1900 or later that is not in the future; today is fine', () => {
    assert.deepEqual(problems({ occurredOn: '' }), ['occurred-on-needed']);
    assert.deepEqual(problems({ occurredOn: '2026-02-30' }), ['occurred-on-invalid']);
    assert.deepEqual(problems({ occurredOn: '20/11/2026' }), ['occurred-on-invalid']);
    assert.deepEqual(problems({ occurredOn: '2026-11-23' }), ['occurred-in-future']);
    assert.deepEqual(problems({ occurredOn: '1026-11-20' }), ['occurred-on-too-early']);
    assert.equal(plan({ occurredOn: '2026-11-22' }).contact.occurredAt, '2026-11-22');
  });

  it('takes an optional time of day on the 24-hour clock, UK time, and dates the contact to the minute', () => {
    assert.equal(plan({ time: '14:30' }).contact.occurredAt, '2026-11-20T14:30:00+00:00');
    assert.equal(plan({ occurredOn: '2026-07-01', time: '09:05' }).contact.occurredAt, '2026-07-01T09:05:00+01:00');
    assert.equal(plan({ time: '' }).contact.occurredAt, '2026-11-20');
    for (const time of ['24:00', '9:05', '14.30', '12:60', 'noon']) assert.deepEqual(problems({ time }), ['time-invalid'], time);
  });

  it('a joint visit names the other agency, in its details and its summary; no other kind takes one', () => {
    const joint = plan({ kind: 'joint-visit', jointWith: "Children's social care (Sam Patel)" });
    assert.equal((joint.contact.details as ContactDetails).jointWith, "Children's social care (Sam Patel)");
    assert.equal(joint.contact.summary, "Routine visit at 6 weeks. Joint visit with Children's social care (Sam Patel).");
    assert.deepEqual(problems({ kind: 'joint-visit', jointWith: '  ' }), ['joint-with-needed']);
    assert.deepEqual(problems({ kind: 'home-visit', jointWith: 'Police' }), ['joint-with-when-not-joint']);
    assert.equal((plan({}).contact.details as ContactDetails).jointWith, null);
  });

  it('needs a summary, and ends it as a sentence without changing the words', () => {
    assert.deepEqual(problems({ summary: '   ' }), ['summary-needed']);
    assert.equal(plan({ summary: 'Visit went well.' }).contact.summary, 'Visit went well.');
    assert.equal(plan({ summary: ' Is dad around more? ' }).contact.summary, 'Is dad around more?');
  });

  it('keeps each person present once, and only people in the record', () => {
    assert.deepEqual(plan({ presentIds: ['mum', 'tyler', 'mum'] }).contact.presentIds, ['mum', 'tyler']);
    assert.deepEqual(plan({ presentIds: [] }).contact.presentIds, []);
    assert.deepEqual(problems({ presentIds: ['mum', 'stranger'] }), ['present-not-in-record']);
  });

  it('lists every unanswered question in the order the form asks them, each with a field and words to fix it', () => {
    const all = planContact({}, context);
    assert.ok(!all.ok);
    assert.deepEqual(all.problems, ['kind-needed', 'occurred-on-needed', 'baby-seen-needed', 'sleeping-seen-needed', 'safe-sleep-advice-needed', 'crying-advice-needed', 'summary-needed']);
    assert.deepEqual(
      all.problems.map((code) => CONTACT_PROBLEMS[code].field),
      ['kind', 'occurredOn', 'babySeen', 'sleepingSeen', 'safeSleepAdvice', 'cryingAdvice', 'summary'],
    );
    for (const [code, { message }] of Object.entries(CONTACT_PROBLEMS)) assert.match(message, /^[A-Z]/, code);
  });
});

describe('recording a contact: seeing the baby', () => {
  it('asks, when the baby was seen, whether awake or asleep, the interaction, dress, demeanour and where the baby was kept', () => {
    assert.deepEqual(problems({ awakeOrAsleep: '', interaction: ' ', dressed: undefined, demeanour: '', whereKept: '' }), [
      'awake-or-asleep-needed',
      'interaction-needed',
      'dressed-needed',
      'demeanour-needed',
      'where-kept-needed',
    ]);
    assert.deepEqual(problems({ awakeOrAsleep: 'dozing' }), ['awake-or-asleep-needed']);
    assert.equal(plan({ awakeOrAsleep: 'asleep' }).contact.details['awakeOrAsleep'], 'asleep');
  });

  it('needs to know whether the baby was seen, and why not when not', () => {
    assert.deepEqual(problems({ babySeen: '' }), ['baby-seen-needed']);
    assert.deepEqual(problems({ babySeen: 'maybe' }), ['baby-seen-needed']);
    const notSeen = { babySeen: 'no', awakeOrAsleep: '', interaction: '', dressed: '', demeanour: '', whereKept: '' };
    assert.deepEqual(problems({ ...notSeen, notSeenReason: '' }), ['not-seen-reason-needed']);
    assert.deepEqual(problems({ notSeenReason: 'Asleep upstairs' }), ['not-seen-reason-when-seen']);
  });

  it('refuses answers only a practitioner who saw the baby could give, when the baby was not seen', () => {
    assert.deepEqual(problems({ babySeen: 'no', notSeenReason: 'Mum said the baby was asleep upstairs' }), [
      'awake-or-asleep-when-not-seen',
      'interaction-when-not-seen',
      'dressed-when-not-seen',
      'demeanour-when-not-seen',
      'where-kept-when-not-seen',
    ]);
    assert.deepEqual(problems({ babySeen: 'no', notSeenReason: 'Out with dad', interaction: '', dressed: '', demeanour: '', whereKept: '' }), ['awake-or-asleep-when-not-seen']);
  });

  it('makes a contact where the baby was not seen significant, says so, and names it in the summary', () => {
    const p = plan({ babySeen: 'no', notSeenReason: 'Mum said the baby was asleep upstairs', awakeOrAsleep: '', interaction: '', dressed: '', demeanour: '', whereKept: '' });
    assert.equal(p.contact.babySeen, false);
    assert.equal(p.contact.significant, true);
    assert.deepEqual(p.notices, [{ code: 'baby-not-seen', reason: 'Mum said the baby was asleep upstairs' }]);
    assert.equal(p.contact.summary, 'Routine visit at 6 weeks. The baby was not seen: Mum said the baby was asleep upstairs.');
    assert.deepEqual(
      [p.contact.details['notSeenReason'], p.contact.details['awakeOrAsleep'], p.contact.details['interaction'], p.contact.details['whereKept']],
      ['Mum said the baby was asleep upstairs', null, null, null],
    );
  });

  it('does not ask about seeing a baby who is not born yet, and leaves whether seen unrecorded', () => {
    const unborn = { ...context, born: false };
    const p = plan({ babySeen: '', awakeOrAsleep: '', interaction: '', dressed: '', demeanour: '', whereKept: '' }, unborn);
    assert.equal('babySeen' in p.contact, false);
    assert.equal(p.contact.details['babySeen'], null);
    assert.equal(p.contact.significant, false);
    assert.deepEqual(p.notices, []);
  });
});

describe('recording a contact: a phone or video call (issue 14)', () => {
  const call: Partial<ContactAnswers> = { kind: 'phone-or-video-call', babySeen: 'yes', sleepingSeen: 'yes', sleepingSafe: 'safe' };

  it('never sees the baby, whatever is ticked: recorded as not seen, from what the carer says, with no notice and not significant', () => {
    const p = plan(call);
    assert.equal(p.contact.babySeen, false);
    assert.equal(p.contact.source, 'carer-account');
    assert.equal(p.contact.significant, false);
    assert.deepEqual(p.notices, []);
    const details = p.contact.details as ContactDetails;
    assert.deepEqual([details.babySeen, details.notSeenReason, details.sleepingArrangements], [false, null, 'not-seen']);
    // The sleeping place "seen" on a call is no evidence that it is safe.
    assert.deepEqual(p.evidence, []);
    // Near miss: the same answers at a home visit see the baby and the sleeping place.
    const visit = plan({ ...call, kind: 'home-visit' });
    assert.equal(visit.contact.babySeen, true);
    assert.deepEqual(evidence(visit), ['unsafe-sleep absent observed', 'safe-sleep-space present observed']);
  });

  it('does not ask whether the baby or the sleeping place was seen, and keeps what the call showed of the baby', () => {
    assert.deepEqual(problems({ kind: 'phone-or-video-call', babySeen: '', awakeOrAsleep: '', interaction: '', dressed: '', demeanour: '', whereKept: '', sleepingSeen: '' }), []);
    const details = plan({ ...call, interaction: 'Mum held Ruby up to the camera, smiling' }).contact.details as ContactDetails;
    assert.equal(details.interaction, 'Mum held Ruby up to the camera, smiling');
  });
});

describe('recording a contact: an adult the practitioner did not know', () => {
  const stranger = { unknownAdultPresent: true, unknownAdultDescription: 'Man in his 20s, introduced as "a friend"' };

  it('is evidence of a new adult, names them in the summary, makes the contact significant and asks for them to be added to the record', () => {
    const p = plan(stranger);
    assert.deepEqual(evidence(p), ['new-adult present observed']);
    assert.equal(p.evidence[0]!.note, 'An adult the practitioner did not know was present at the home visit on 20 November 2026: Man in his 20s, introduced as "a friend".');
    assert.equal(p.contact.significant, true);
    assert.match(p.contact.summary, /An adult the practitioner did not know was there: Man in his 20s, introduced as "a friend"\.$/);
    assert.deepEqual(p.notices, [{ code: 'unknown-adult', description: 'Man in his 20s, introduced as "a friend"' }]);
    assert.equal(p.contact.details['unknownAdult'], 'Man in his 20s, introduced as "a friend"');
  });

  it('needs a description when ticked, and the tick when described', () => {
    assert.deepEqual(problems({ unknownAdultPresent: true, unknownAdultDescription: ' ' }), ['unknown-adult-description-needed']);
    assert.deepEqual(problems({ unknownAdultDescription: 'A woman upstairs' }), ['unknown-adult-not-ticked']);
    assert.equal(CONTACT_PROBLEMS['unknown-adult-not-ticked'].field, 'present');
  });
});

describe('recording a contact: sleeping arrangements', () => {
  it('needs to know whether they were seen, and then whether they were safe', () => {
    assert.deepEqual(problems({ sleepingSeen: '' }), ['sleeping-seen-needed']);
    assert.deepEqual(problems({ sleepingSeen: 'yes' }), ['sleeping-safe-needed']);
    assert.deepEqual(problems({ sleepingSeen: 'yes', sleepingSafe: 'fine' }), ['sleeping-safe-needed']);
    assert.deepEqual(problems({ sleepingSeen: 'no', sleepingSafe: 'safe' }), ['sleeping-safe-when-not-seen']);
  });

  it('seen and safe: observed evidence that unsafe sleep is not there and that the safe sleep space is', () => {
    const p = plan({ sleepingSeen: 'yes', sleepingSafe: 'safe' });
    assert.deepEqual(evidence(p), ['unsafe-sleep absent observed', 'safe-sleep-space present observed']);
    assert.deepEqual(p.evidence.map((e) => e.note), ['Sleeping arrangements seen at the home visit on 20 November 2026 and safe.', 'Safe sleep space seen at the home visit on 20 November 2026.']);
    assert.equal(p.contact.details['sleepingArrangements'], 'safe');
    assert.equal(plan({ occurredOn: '2026-01-05', sleepingSeen: 'yes', sleepingSafe: 'safe' }).evidence[1]!.note, 'Safe sleep space seen at the home visit on 5 January 2026.');
    assert.equal(p.contact.significant, false);
  });

  it('seen and unsafe: observed evidence of unsafe sleep with what was seen, and a significant contact', () => {
    const p = plan({ kind: 'clinic-contact', sleepingSeen: 'yes', sleepingSafe: 'unsafe', unsafeSleepSeen: 'Baby asleep on the sofa with dad' });
    assert.deepEqual(evidence(p), ['unsafe-sleep present observed']);
    assert.equal(p.evidence[0]!.note, 'Unsafe sleeping arrangements seen at the clinic contact on 20 November 2026: Baby asleep on the sofa with dad.');
    assert.deepEqual(p.notices, [{ code: 'unsafe-sleep-seen', seen: 'Baby asleep on the sofa with dad' }]);
    assert.equal(p.contact.significant, true);
    assert.match(p.contact.summary, /Unsafe sleeping seen: Baby asleep on the sofa with dad\.$/);
  });

  it('needs what was unsafe, and refuses a description of unsafe sleeping that is not marked unsafe', () => {
    assert.deepEqual(problems({ sleepingSeen: 'yes', sleepingSafe: 'unsafe' }), ['unsafe-sleep-seen-needed']);
    assert.deepEqual(problems({ sleepingSeen: 'yes', sleepingSafe: 'safe', unsafeSleepSeen: 'Pillows in the cot' }), ['unsafe-sleep-seen-not-unsafe']);
    assert.deepEqual(problems({ sleepingSeen: 'no', unsafeSleepSeen: 'Pillows in the cot' }), ['unsafe-sleep-seen-not-unsafe']);
  });

  it('not seen: no evidence either way, whatever anyone says', () => {
    assert.deepEqual(plan({ sleepingSeen: 'no' }).evidence, []);
  });
});

describe('recording a contact: safe sleep and coping with crying advice', () => {
  it('needs to know whether each was given, and then whether it was understood', () => {
    assert.deepEqual(problems({ safeSleepAdvice: '', cryingAdvice: 'perhaps' }), ['safe-sleep-advice-needed', 'crying-advice-needed']);
    assert.deepEqual(problems({ safeSleepAdvice: 'yes', cryingAdvice: 'yes', cryingUnderstood: 'mostly' }), ['safe-sleep-understood-needed', 'crying-understood-needed']);
    assert.deepEqual(problems({ safeSleepUnderstood: 'yes', cryingUnderstood: 'no' }), ['safe-sleep-understood-when-not-given', 'crying-understood-when-not-given']);
  });

  it('each piece of advice given is its own entry, so the chronology shows it was discussed', () => {
    const p = plan({ safeSleepAdvice: 'yes', safeSleepUnderstood: 'yes', cryingAdvice: 'yes', cryingUnderstood: 'yes', presentIds: ['mum', 'dad'] });
    assert.deepEqual(
      p.discussions.map((d) => [d.kind, d.summary, d.occurredAt, d.source, d.presentIds.join(), d.significant, 'babySeen' in d]),
      [
        ['safe-sleep-discussion', 'Safe sleep advice given at the home visit: understood.', '2026-11-20', 'observed', 'mum,dad', false, false],
        ['coping-with-crying-discussion', 'Coping with crying (ICON) advice given at the home visit: understood.', '2026-11-20', 'observed', 'mum,dad', false, false],
      ],
    );
    assert.deepEqual(p.discussions.map((d) => d.details), [{ understood: 'yes' }, { understood: 'yes' }]);
    assert.deepEqual(p.contact.details['safeSleepAdvice'], { given: true, understood: 'yes' });
    assert.deepEqual(p.evidence, [], 'understood advice alone does not show it is followed');
  });

  it('only the advice given makes an entry', () => {
    assert.deepEqual(plan({ cryingAdvice: 'yes', cryingUnderstood: 'partly' }).discussions.map((d) => d.summary), ['Coping with crying (ICON) advice given at the home visit: partly understood.']);
  });

  it('advice partly or not understood is evidence against understanding safety advice, for each adult present who is in the profile', () => {
    const p = plan({ presentIds: ['mum', 'dad', 'tyler', 'aunt'], safeSleepAdvice: 'yes', safeSleepUnderstood: 'no', cryingAdvice: 'yes', cryingUnderstood: 'partly' });
    assert.deepEqual(evidence(p), [
      'understands-safety-advice|mum absent professional-judgement',
      'understands-safety-advice|dad absent professional-judgement',
      'understands-safety-advice|mum absent professional-judgement',
      'understands-safety-advice|dad absent professional-judgement',
    ]);
    assert.deepEqual([...new Set(p.evidence.map((e) => e.note))], [
      'Safe sleep advice given at the home visit on 20 November 2026 was not understood.',
      'Coping with crying (ICON) advice given at the home visit on 20 November 2026 was partly understood.',
    ]);
  });

  it('advice not understood needs an adult from the profile ticked as present, to say who did not understand it', () => {
    assert.deepEqual(problems({ presentIds: ['tyler', 'aunt'], safeSleepAdvice: 'yes', safeSleepUnderstood: 'partly' }), ['advice-needs-adult']);
    assert.deepEqual(problems({ presentIds: [], unknownAdultPresent: true, unknownAdultDescription: 'A woman', cryingAdvice: 'yes', cryingUnderstood: 'no' }), ['advice-needs-adult']);
    assert.deepEqual(problems({ presentIds: [], safeSleepAdvice: 'yes', safeSleepUnderstood: 'yes' }), []);
  });
});

describe('recording a contact: everything at once', () => {
  it('a visit with the baby not seen, unsafe sleep and a stranger has three notices, in one significant entry', () => {
    const p = plan({
      babySeen: 'no',
      notSeenReason: 'Door answered by a man who said mum was out',
      awakeOrAsleep: '',
      interaction: '',
      dressed: '',
      demeanour: '',
      whereKept: '',
      presentIds: [],
      unknownAdultPresent: true,
      unknownAdultDescription: 'Man answering the door',
      sleepingSeen: 'yes',
      sleepingSafe: 'unsafe',
      unsafeSleepSeen: 'Moses basket full of clothes',
      summary: 'Unannounced visit',
    });
    assert.deepEqual(p.notices.map((n) => n.code), ['baby-not-seen', 'unsafe-sleep-seen', 'unknown-adult']);
    assert.equal(
      p.contact.summary,
      'Unannounced visit. The baby was not seen: Door answered by a man who said mum was out. Unsafe sleeping seen: Moses basket full of clothes. An adult the practitioner did not know was there: Man answering the door.',
    );
    assert.deepEqual(evidence(p), ['unsafe-sleep present observed', 'new-adult present observed']);
  });
});

describe('the notices of a recorded contact', () => {
  it('come from its details alone, for the confirmation page', () => {
    const details = plan({ babySeen: 'no', notSeenReason: 'Not home', awakeOrAsleep: '', interaction: '', dressed: '', demeanour: '', whereKept: '', unknownAdultPresent: true, unknownAdultDescription: 'A woman' }).contact.details as ContactDetails;
    assert.deepEqual(contactNotices(details), [
      { code: 'baby-not-seen', reason: 'Not home' },
      { code: 'unknown-adult', description: 'A woman' },
    ]);
    assert.deepEqual(contactNotices(plan({}).contact.details as ContactDetails), []);
  });
});

describe('recording a contact: the plan’s checks', () => {
  const sleep: CheckItem = { id: 'sleep', text: 'Where the baby sleeps', question: 'Ask to see the cot', factorId: 'unsafe-sleep', checkedBy: [], frequency: 'every-contact', since: '2026-11-01' };
  const drink: CheckItem = { id: 'drink', text: 'Is mum drinking', question: 'Any cans or bottles?', factorId: 'alcohol-misuse', personId: 'mum', checkedBy: [], frequency: 'every-contact', since: '2026-11-01' };
  const family: CheckItem = { id: 'family', text: 'Family support', question: 'Who helps?', factorId: 'supportive-wider-family', checkedBy: [], frequency: 'weekly', since: '2026-11-01' };
  const words: CheckItem = { id: 'words', text: 'Who is staying at the flat', question: 'Ask who stayed last night', checkedBy: [], frequency: 'every-contact', since: '2026-11-01' };
  const adultNoPerson: CheckItem = { id: 'anyone', text: 'Anyone drinking', question: 'Any cans?', factorId: 'alcohol-misuse', checkedBy: [], frequency: 'every-contact', since: '2026-11-01' };
  const thePlan: Plan = { level: 'child-in-need', outcomes: [], checkItems: [sleep, drink, family, words, adultNoPerson], actions: [], visits: [] };
  const withPlan: ContactContext = { ...context, plan: thePlan, dueItems: [sleep, drink] };

  it('changes nothing without a plan', () => {
    const p = plan({});
    assert.equal('planChecks' in p.contact.details, false);
    assert.equal(p.contact.summary, 'Routine visit at 6 weeks.');
  });

  it('keeps each answer with the item’s words in the contact’s details and names concerns and items not checked in the summary', () => {
    const p = plan(
      {
        planChecks: [
          { itemId: 'sleep', outcome: 'not-checked', note: 'Not allowed upstairs' },
          { itemId: 'drink', outcome: 'no-concern', note: '' },
          { itemId: 'words', outcome: 'concern', note: 'A man’s boots by the door' },
        ],
      },
      withPlan,
    );
    assert.deepEqual((p.contact.details as ContactDetails).planChecks, [
      { itemId: 'sleep', text: 'Where the baby sleeps', outcome: 'not-checked', note: 'Not allowed upstairs', factorId: 'unsafe-sleep' },
      { itemId: 'drink', text: 'Is mum drinking', outcome: 'no-concern', note: '', factorId: 'alcohol-misuse', personId: 'mum' },
      { itemId: 'words', text: 'Who is staying at the flat', outcome: 'concern', note: 'A man’s boots by the door' },
    ]);
    assert.equal(p.contact.summary, 'Routine visit at 6 weeks. Plan check, Where the baby sleeps: could not check: Not allowed upstairs. Plan check, Who is staying at the flat: concern: A man’s boots by the door.');
    assert.equal(p.contact.significant, true, 'a concern is significant');
    assert.deepEqual(evidence(p), [], 'an item naming no factor adds no evidence');
  });

  it('adds a concern as observed evidence for the factor the item names: present for a risk, absent for a protective factor, with the person for an adult factor', () => {
    const p = plan(
      {
        planChecks: [
          { itemId: 'sleep', outcome: 'concern', note: 'Baby asleep on the sofa' },
          { itemId: 'drink', outcome: 'concern', note: 'Empty cans in the kitchen' },
          { itemId: 'family', outcome: 'concern', note: 'Grandmother has stopped visiting' },
          { itemId: 'anyone', outcome: 'concern', note: 'Cans' },
        ],
      },
      withPlan,
    );
    assert.deepEqual(evidence(p), ['unsafe-sleep present observed', 'alcohol-misuse|mum present observed', 'supportive-wider-family absent observed']);
    assert.equal(p.evidence[0]!.note, 'Plan check at the home visit on 20 November 2026, Where the baby sleeps: Baby asleep on the sofa.');
  });

  it('adds no evidence for no concern or could not check, and a routine answer is not significant', () => {
    const p = plan({ planChecks: [{ itemId: 'sleep', outcome: 'no-concern' }, { itemId: 'drink', outcome: 'not-checked', note: 'Mum out' }] }, withPlan);
    assert.deepEqual(evidence(p), []);
    assert.equal(p.contact.significant, false);
  });

  it('reports the plan’s problems beside the form’s: an item not in the plan, a due item unanswered, a missing note', () => {
    const result = planContact({ ...seen, summary: '', planChecks: [{ itemId: 'gone', outcome: 'no-concern' }, { itemId: 'drink', outcome: 'concern' }] }, withPlan);
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.deepEqual(result.problems, ['summary-needed']);
    assert.deepEqual(result.planCheckProblems, [
      { code: 'unknown-item', path: '/planChecks/0/itemId' },
      { code: 'concern-note-needed', path: '/planChecks/1/note', itemId: 'drink' },
      { code: 'answer-needed', path: '/planChecks', itemId: 'sleep' },
    ]);
  });

  it('refuses check answers when the case has no plan', () => {
    const result = planContact({ ...seen, planChecks: [{ itemId: 'sleep', outcome: 'no-concern' }] }, context);
    assert.ok(!result.ok);
    assert.deepEqual(result.planCheckProblems, [{ code: 'unknown-item', path: '/planChecks/0/itemId' }]);
  });
});
