// The pages' clocks (readCaseClocks: the case overview, the meetings page, the review) come from the
// entries kept for the clocks (clock-entries-kept.ts) of the chronology the chronology cache keeps, not
// from a walk of the whole chronology: held here to a full read of the case (every entry, every
// meeting, its dates) over random histories, and shown not to read or look at the chronology again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { MeetingDraft } from '../../domain/meetings/meeting.types.ts';
import { createRandom } from '../../domain/shared/seeded-random.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { clockEventsFrom } from '../../domain/timescales/clock-events.ts';
import { timescaleClocks } from '../../domain/timescales/clocks.ts';
import { viewCaseOverview } from '../cases/view-case-overview.ts';
import { loadChronology } from '../chronology/chronology-rows.ts';
import { recordDispute } from '../chronology/record-dispute.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import { createContext, type AppContext } from '../context.ts';
import { listMeetings } from '../meetings/list-meetings.ts';
import { readMeetings } from '../meetings/meeting-rows.ts';
import { recordMeeting } from '../meetings/record-meeting.ts';
import { viewReview } from '../profile/view-review.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { readCaseClocks, viewTimescales } from './case-clocks.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

/** The clocks from everything the case has, read whole: what the pages showed before the entries were kept. */
async function clocksFromTheFullRead(ctx: AppContext, caseId: string, today: string) {
  const dates = await ctx.db.selectFrom('cases').select(['date_of_birth as bornOn', 'expected_delivery_date as expectedDeliveryOn']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const [entries, meetings, inForce] = await Promise.all([loadChronology(ctx.db, caseId), readMeetings(ctx.db, caseId), settingsInForce(ctx)]);
  return timescaleClocks(clockEventsFrom({ entries, meetings, ...dates }), today, inForce.settings.timescales);
}

/** The table each SELECT reads first, in the order sent. */
class SelectedTables implements KyselyPlugin {
  tables: string[] = [];
  transformQuery: KyselyPlugin['transformQuery'] = (args) => {
    const node = args.node as RootOperationNode & { from?: { froms: { table?: { identifier: { name: string } } }[] } };
    if (node.kind === 'SelectQueryNode') this.tables.push(node.from?.froms[0]?.table?.identifier.name ?? '?');
    return args.node;
  };
  transformResult: KyselyPlugin['transformResult'] = (args) => Promise.resolve(args.result);
}

describe('the pages’ clocks from the entries kept, against the full read', () => {
  let t: TestApp;
  let worker: User;
  let officer: User;
  before(async () => {
    t = await createTestApp();
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care', 'Kept Clocks Social Care');
    const police = await makeOrganisation(t.ctx, 'police', 'Kept Clocks Police');
    worker = await makeUser(t.ctx, { organisationId: csc.id, name: 'Kim Worker' });
    officer = await makeUser(t.ctx, { organisationId: police.id, name: 'Pat Officer' });
  });
  after(async () => t.close());

  const KINDS = ['referral', 'referral-decision', 'assessment-completed', 'strategy-discussion', 'conference', 'core-group', 'birth', 'home-visit', 'case-note'];
  const MEETINGS: Pick<MeetingDraft, 'kind' | 'section47' | 'protectionPlan'>[] = [
    { kind: 'strategy-discussion', section47: true },
    { kind: 'strategy-discussion', section47: false },
    { kind: 'initial-conference', protectionPlan: true },
    { kind: 'initial-conference', protectionPlan: false },
    { kind: 'review-conference', protectionPlan: true },
    { kind: 'pre-birth-conference', protectionPlan: true },
    { kind: 'core-group' },
    { kind: 'professionals-meeting' },
  ];

  // Entries of the clocks' kinds and others, by social care or the police, dated up to 40 days back (so
  // often before the last), corrections (to another kind, or the same), disputes, meetings, and days
  // passing; one case born, one not yet.
  it('shows the full read’s clocks on the overview, the meetings page and the review after every change, over 3 random histories of 20 changes', async () => {
    for (let seed = 1; seed <= 3; seed++) {
      const random = createRandom(seed);
      const { id: caseId } = await makeCase(t.ctx, { familyName: `Kept${String(seed)}`, teamUserIds: [worker.id, officer.id] });
      await makePerson(t.ctx, caseId);
      if (seed === 2) await t.ctx.db.updateTable('cases').set({ status: 'unborn', date_of_birth: null, expected_delivery_date: serviceToday(t.clock.now()) }).where('id', '=', caseId).execute();
      const { date_of_birth: bornOn } = await t.ctx.db.selectFrom('cases').select('date_of_birth').where('id', '=', caseId).executeTakeFirstOrThrow();
      /** The entries not corrected: those a correction or a dispute may name. */
      let current: ChronologyEntry[] = [];
      for (let change = 0; change < 20; change++) {
        if (random.chance(0.3)) t.clock.advanceMinutes(60 * 24 * random.int(1, 5));
        const today = serviceToday(t.clock.now());
        const day = serviceToday(new Date(t.clock.now().getTime() - random.int(0, 40) * 86_400_000));
        const by = actorFor(random.chance(0.7) ? worker : officer);
        const step = random.next();
        if (step < 0.15 && current.length > 0) {
          const disputed = await recordDispute(t.ctx, by, caseId, random.pick(current).id, { disputedBy: 'The mother', text: 'Says it did not happen' });
          assert.ok(disputed.ok, JSON.stringify(disputed));
        } else if (step < 0.3) {
          const held = await recordMeeting(t.ctx, actorFor(worker), caseId, { ...random.pick(MEETINGS), heldOn: day, chair: 'Kim Worker', parentsPresent: false, attendees: [{ name: 'Pat Officer', agency: 'police' }], decisions: ['Carry on'] });
          assert.ok(held.ok, JSON.stringify(held));
        } else {
          const corrected = current.length > 0 && step < 0.45 ? random.pick(current) : undefined;
          const correction = corrected ? { corrects: corrected.id, correctionReason: 'Wrong entry' } : {};
          // A Birth entry is taken only on a born baby's record, on its date of birth (docs/domain.md,
          // "Recording the birth"): on the unborn record it becomes a case note.
          const picked = random.pick(KINDS);
          const kind = picked === 'birth' && bornOn === null ? 'case-note' : picked;
          const occurredAt = kind === 'birth' && bornOn !== null ? bornOn : day;
          const recorded = await recordEntry(t.ctx, by, caseId, { kind, occurredAt, summary: `Change ${String(change)}`, source: 'agency-record', ...correction });
          assert.ok(recorded.ok, JSON.stringify(recorded));
          current = [...current.filter((entry) => entry !== corrected), recorded.entry];
        }
        const expected = await clocksFromTheFullRead(t.ctx, caseId, today);
        const overview = await viewCaseOverview(t.ctx, actorFor(worker), caseId);
        const meetings = await listMeetings(t.ctx, actorFor(worker), caseId);
        const review = await viewReview(t.ctx, actorFor(worker), caseId);
        assert.ok(overview.ok && meetings.ok && review.ok);
        const where = `seed ${String(seed)}, change ${String(change)} on ${today}`;
        assert.deepEqual(overview.value.clocks, expected, `the overview, ${where}`);
        assert.deepEqual(meetings.value.clocks, expected, `the meetings page, ${where}`);
        assert.deepEqual(review.value.clocks, expected, `the review, ${where}`);
        assert.deepEqual(await readCaseClocks(t.ctx, caseId, today), expected, `read alone, ${where}`);
      }
    }
  });
});

describe('the pages’ clocks read from what is kept', () => {
  let t: TestApp;
  let worker: User;
  let caseId: string;
  before(async () => {
    t = await createTestApp();
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care', 'Kept Reads Social Care');
    worker = await makeUser(t.ctx, { organisationId: csc.id });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [worker.id] }));
    for (const [kind, occurredAt] of [['referral', '2026-11-02'], ['home-visit', '2026-11-03'], ['strategy-discussion', '2026-11-04']]) {
      assert.ok((await recordEntry(t.ctx, actorFor(worker), caseId, { kind: kind!, occurredAt: occurredAt!, summary: kind!, source: 'agency-record' })).ok);
    }
  });
  after(async () => t.close());

  it('does not look at a chronology handed again, and compares one of other objects entry by entry', async () => {
    const today = serviceToday(t.clock.now());
    const chronology = (await t.ctx.chronologies.read(t.ctx.db, caseId))!;
    let looks = 0;
    const counted = new Proxy(chronology, {
      get: (target, key) => {
        if (typeof key === 'string' && /^[0-9]+$/.test(key)) looks += 1;
        return Reflect.get(target, key) as unknown;
      },
    });
    const first = await readCaseClocks(t.ctx, caseId, today, { entries: counted });
    assert.ok(looks > 0, 'read once');
    looks = 0;
    const again = await readCaseClocks(t.ctx, caseId, today, { entries: counted });
    assert.deepEqual(again, first);
    assert.equal(looks, 0, 'the same chronology: its entries not looked at');
    assert.deepEqual(await readCaseClocks(t.ctx, caseId, today, { entries: chronology.map((entry) => ({ ...entry })) }), first, 'copies: read again, the same clocks');
    assert.deepEqual(first?.map((clock) => clock.id), ['referral-decision', 'assessment', 'initial-conference'], 'the clocks the referral and the strategy discussion start');
  });

  for (const [name, view] of [
    ['the meetings page', (ctx: AppContext) => listMeetings(ctx, actorFor(worker), caseId)],
    ['the timescales', (ctx: AppContext) => viewTimescales(ctx, actorFor(worker), caseId)],
  ] as const) {
    it(`sends ${name} no read of the chronology, nor of the case again, once the chronology is kept`, async () => {
      const selected = new SelectedTables();
      // A new context: its chronology cache is empty, as in a process just started.
      const fresh = { ...createContext(t.ctx.db, t.ctx.config, t.clock, t.ctx.auditKeys), db: t.ctx.db.withPlugin(selected) };
      const cold = await view(fresh);
      assert.ok(cold.ok);
      assert.equal(selected.tables.filter((table) => table === 'chronology_entries').length, 1, 'read once, through the chronology cache');
      selected.tables = [];
      const warm = await view(fresh);
      assert.ok(warm.ok);
      assert.deepEqual(warm.value.clocks, cold.value.clocks);
      assert.equal(warm.value.clocks.length, 3);
      assert.deepEqual(
        selected.tables.filter((table) => table === 'chronology_entries' || table === 'cases'),
        ['cases'],
        'the case once (its dates and version), the chronology not at all',
      );
    });
  }
});
