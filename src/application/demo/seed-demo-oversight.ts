// What a manager and a safeguarding lead find when they sign in to the demo (issue 16): the team
// manager's past supervisions of the social worker on two children's social care cases (Nowak, on a
// child protection plan, and Pearce, unborn), and one finished quality assurance audit of children's
// social care's open cases of babies under one and unborn babies by its safeguarding lead, each case
// answered from what the record said beside each question (a "no" noted with what it said). Done
// through the service's own use cases, as the demo accounts, after the story families' histories.
// A step the service refuses is a mistake here: it stops the seeding with its reason.
import type { PROMPT_IDS } from '../../domain/supervision/supervision-prompts.ts';
import type { SupervisionDraft } from '../../domain/supervision/supervision.types.ts';
import { QUESTION_IDS } from '../../domain/quality-audits/audit-questions.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { answerAuditCase, viewAuditCase } from '../quality-audits/audit-case.ts';
import { startQualityAudit } from '../quality-audits/start-quality-audit.ts';
import { viewQualityAudit } from '../quality-audits/view-quality-audits.ts';
import { recordSupervision } from '../supervision/record-supervision.ts';
import { DEMO_ACCOUNTS } from './demo-partnership.ts';

/** The supervisions, by family: days before today, and what was said. */
const SUPERVISIONS: readonly { family: string; day: number; answers: Record<(typeof PROMPT_IDS)[number], string>; stuck: 'yes' | 'no' | 'not-sure'; analysis: string; decisions: string }[] = [
  {
    family: 'Nowak',
    day: -21,
    answers: {
      script: 'Agnieszka says Ryan is a help with Oliwia. Nobody has seen them together, and she would not talk in front of him at the new birth visit.',
      'missing-voices': "Ryan Cole's: nobody has met him on his own or checked his history. Piotr's whereabouts are not known.",
      unthinkable: 'That Ryan is controlling Agnieszka and handles Oliwia roughly when nobody is there.',
      changed: 'First supervision of this case.',
      stuck: 'Moving: the conference agreed a plan.',
    },
    stuck: 'no',
    analysis: 'The risk sits with an adult nobody knows. The plan rests on the mother’s word about her partner.',
    decisions: 'Check Ryan Cole with the police and see him at the next visit.',
  },
  {
    family: 'Pearce',
    day: -10,
    answers: {
      script: 'Jade and Liam say they are ready for the baby and that Jade’s low mood has lifted.',
      'missing-voices': "Liam's: he has not been at an appointment since the booking.",
      unthinkable: 'That Jade’s mood falls after the birth with nobody watching, and Liam is out at work.',
      changed: 'First supervision of this case.',
      stuck: 'Not sure: the pre-birth assessment has not started.',
    },
    stuck: 'not-sure',
    analysis: 'Mental health support is in place but the father is not known to any professional.',
    decisions: 'Invite Liam to the next antenatal appointment; start the pre-birth assessment.',
  },
];

function refused(what: string, result: { ok: boolean }): void {
  if (!result.ok) throw new Error(`The demo's ${what} cannot be seeded: ${JSON.stringify(result)}`);
}

async function demoActor(ctx: AppContext, email: string): Promise<UserActor> {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email)!;
  const user = await ctx.db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', email).executeTakeFirstOrThrow();
  return { kind: 'user', userId: user.id, organisationId: user.organisation_id, role: account.role, channel: 'web', ip: null };
}

export async function seedDemoOversight(ctx: AppContext): Promise<void> {
  const today = serviceToday(ctx.clock.now());
  const [manager, socialWorker, lead] = await Promise.all(['manager@demo.example', 'social-worker@demo.example', 'safeguarding-lead@demo.example'].map((email) => demoActor(ctx, email)));
  for (const supervision of SUPERVISIONS) {
    const { id: caseId } = await ctx.db
      .selectFrom('cases')
      .innerJoin('users', 'users.id', 'cases.created_by')
      .select('cases.id')
      .where('cases.family_name', '=', supervision.family)
      .where('users.email', 'in', DEMO_ACCOUNTS.map((account) => account.email))
      .executeTakeFirstOrThrow();
    const draft: SupervisionDraft = {
      heldOn: addDays(today, supervision.day),
      practitionerId: socialWorker!.userId,
      supervisorId: manager!.userId,
      answers: supervision.answers,
      stuck: supervision.stuck,
      analysis: supervision.analysis,
      decisions: supervision.decisions,
      actions: [],
    };
    refused(`supervision of the ${supervision.family} case`, await recordSupervision(ctx, manager!, caseId, draft));
  }
  const started = await startQualityAudit(ctx, lead!, { scope: 'all' });
  refused('quality assurance audit', started);
  if (!started.ok) return;
  const audit = await viewQualityAudit(ctx, lead!, started.value.auditId);
  refused('quality assurance audit', audit);
  if (!audit.ok) return;
  for (const { caseId } of audit.value.cases) {
    const opened = await viewAuditCase(ctx, lead!, started.value.auditId, caseId);
    refused('audited case', opened);
    if (!opened.ok) return;
    const answers = Object.fromEntries(
      QUESTION_IDS.map((id) => {
        const says = opened.value.says[id];
        const answer = says.suggests ?? 'no';
        return [id, { answer, note: answer === 'no' ? says.words : '' }];
      }),
    );
    refused('audit answers', await answerAuditCase(ctx, lead!, started.value.auditId, caseId, answers));
  }
}
