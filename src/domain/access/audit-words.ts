// Every audit action in plain words, for "Who has looked at this record" (and anything else that
// shows the audit trail to practitioners): never a code such as case.view or break-glass. Pure.
// Each action is a look (it showed something), a change, or account and service work that never
// names a case. Opening a record in an emergency, and anything done on emergency access, is an
// emergency access; a refused attempt is any action whose outcome was 'denied'.
// audit-words.test.ts fails when the application writes an action that has no words here.

export type AuditActionKind = 'look' | 'change' | 'account';

const ACTIONS: Readonly<Record<string, readonly [words: string, kind: AuditActionKind]>> = {
  'case.view': ['Opened the record', 'look'],
  'case.break-glass': ['Opened the record in an emergency', 'look'],
  'case.audit-view': ['Looked at who has looked at the record', 'look'],
  'case.address-reveal': ['Looked at a restricted address', 'look'],
  'case.create': ['Created the record', 'change'],
  'case.change': ['Changed the record', 'change'],
  'case.details-update': ['Changed the baby’s details', 'change'],
  'case.birth-recorded': ['Recorded the birth', 'change'],
  'case.birth-details-corrected': ['Corrected the birth details', 'change'],
  'case.household-children': ['Recorded who the other children living with the baby are', 'change'],
  'case.level-change': ['Changed the level of support', 'change'],
  'case.level-proposal': ['Proposed a change of the level of support', 'change'],
  'case.level-proposal-decision': ['Accepted or declined a proposed change of level', 'change'],
  'case.withdrawal-view': ['Looked at withdrawing the record as made in error', 'look'],
  'case.withdrawal-propose': ['Proposed withdrawing the record as made in error', 'change'],
  'case.withdrawal-confirm': ['Confirmed withdrawing the record as made in error', 'change'],
  'case.transfer': ['Closed the record for transfer to another area and sent its pack', 'change'],
  'case.transfer-view': ['Looked at the transfer to another area', 'look'],
  'case.transfer-receipt': ['Recorded that the receiving area has the transfer pack', 'change'],
  'case.transfer-cancel': ['Cancelled the transfer to another area (the case open here again)', 'change'],
  'transfer.receive': ['Received the record in a transfer from another area', 'change'],
  'transfer.preview': ['Looked at what a transfer pack from another area holds, before receiving it', 'look'],
  'case.withdrawn': ['Withdrew the record as made in error (its data removed)', 'change'],
  'person.withdrawal-view': ['Looked at withdrawing a person as added to the wrong family', 'look'],
  'person.withdrawal-propose': ['Proposed withdrawing a person as added to the wrong family', 'change'],
  'person.withdrawal-confirm': ['Confirmed withdrawing a person as added to the wrong family', 'change'],
  'person.withdrawn': ['Withdrew a person as added to the wrong family (their data removed)', 'change'],
  'level-proposals.view': ['Looked at proposed changes of level', 'look'],
  'cases.list': ['Saw the record in their list of cases', 'look'],
  'cases.search': ['Found the record in a search', 'look'],
  'cases.lookup': ['Looked up an NHS number and found the record', 'look'],
  'team.view': ['Looked at the team around the family', 'look'],
  'team.add': ['Added someone to the team around the family', 'change'],
  'person.add': ['Added a person around the baby', 'change'],
  'person.update': ['Changed a person’s details', 'change'],
  'person.proposals-view': ['Looked at the people another agency named around the baby', 'look'],
  'person.proposal-decide': ['Decided about a person another agency named around the baby', 'change'],
  'relationship.add': ['Added a relationship between people', 'change'],
  'profile.view': ['Looked at the profile', 'look'],
  'profile.history-view': ['Looked at the profile’s history', 'look'],
  'profile.factor-update': ['Changed a risk factor in the profile', 'change'],
  'profile.subject-assess': ['Assessed a person or the household in the profile', 'change'],
  'profile.decision': ['Recorded an escalation decision', 'change'],
  'profile.decision-confirmation': ['Confirmed or overturned an escalation decision, as a safeguarding lead', 'change'],
  'profile.review': ['Marked the profile reviewed', 'change'],
  'profile.reevaluate': ['Checked the profile again after the area’s settings changed', 'change'],
  'chronology.view': ['Looked at the chronology', 'look'],
  'chronology.export': ['Downloaded or printed the chronology', 'look'],
  'chronology.record': ['Added an entry to the chronology', 'change'],
  'chronology.contact': ['Recorded a contact or home visit', 'change'],
  'chronology.batch': ['Sent entries from an agency’s system', 'change'],
  'chronology.fhir-import': ['Sent records from a health system', 'change'],
  'chronology.dispute': ['Recorded a person’s dispute of a chronology entry', 'change'],
  'plan.view': ['Looked at the plan', 'look'],
  'plan.update': ['Changed the plan', 'change'],
  'meeting.list': ['Looked at the meetings', 'look'],
  'meeting.record': ['Recorded a meeting', 'change'],
  'supervision.list': ['Looked at the supervision of the case', 'look'],
  'supervision.view': ['Read a supervision’s notes', 'look'],
  'supervision.record': ['Recorded a supervision of the case', 'change'],
  'supervision.due-list': ['Looked at the cases due supervision', 'look'],
  'quality-audit.list': ['Looked at the quality assurance audits', 'account'],
  'quality-audit.start': ['Started a quality assurance audit', 'account'],
  'quality-audit.view': ['Looked at a quality assurance audit', 'account'],
  'quality-audit.report': ['Looked at the results of a quality assurance audit', 'account'],
  'quality-audit.case-view': ['Looked at the record for a quality assurance audit', 'look'],
  'quality-audit.answer': ['Answered a quality assurance audit’s questions about the record', 'look'],
  'timescales.view': ['Looked at the timescales', 'look'],
  'dashboards.view': ['Looked at a dashboard of cases', 'look'],
  'dashboards.list': ['Saw the record in a dashboard’s list of cases', 'look'],
  'dashboards.export': ['Downloaded a dashboard’s list of cases', 'look'],
  'report.partnership': ['Looked at the partnership’s reports', 'account'],
  'report.cin-census': ['Looked at the Children in Need census return', 'account'],
  'partnership-view.list': ['Looked at the accounts with the partnership view', 'account'],
  'partnership-view.grant': ['Granted an account the partnership view', 'account'],
  'partnership-view.revoke': ['Revoked an account’s partnership view', 'account'],
  'discharge-plan.list': ['Looked at the discharge plans', 'look'],
  'discharge-plan.record': ['Recorded a discharge plan', 'change'],
  'consent.list': ['Looked at consent and information sharing', 'look'],
  'growth.list': ['Looked at growth', 'look'],
  'growth.record': ['Recorded a growth measurement', 'change'],
  'consent.record': ['Recorded consent', 'change'],
  'information-sharing.record': ['Recorded sharing information without consent', 'change'],
  'legal-hold.list': ['Looked at when the record may be disposed of and its legal holds', 'look'],
  'legal-hold.place': ['Set a legal hold, so the record is not disposed of', 'change'],
  'legal-hold.lift': ['Lifted a legal hold', 'change'],
  'subject-access.officer.list': ['Looked at the data protection officers', 'account'],
  'subject-access.officer.grant': ['Made an account a data protection officer', 'account'],
  'subject-access.officer.revoke': ['Ended an account’s data protection officer duty', 'account'],
  'subject-access.request': ['Recorded a subject access request', 'account'],
  'subject-access.search': ['Searched by name and date of birth for the person of a subject access request, and found the record', 'look'],
  'subject-access.list': ['Looked at the subject access requests', 'account'],
  'subject-access.extend': ['Extended the time to answer a subject access request', 'account'],
  'subject-access.draft': ['Read the record for a subject access request’s draft disclosure', 'look'],
  'subject-access.decide': ['Decided whether to redact part of a subject access disclosure', 'look'],
  'subject-access.agency-answer': ['Recorded another agency’s answer on disclosing what it recorded, for a subject access request', 'look'],
  'subject-access.release': ['Released a subject access disclosure', 'account'],
  'subject-access.download': ['Downloaded a released subject access disclosure', 'account'],
  'subject-access.disclosure-disposed': ['Removed a released subject access disclosure at the end of its period (a tombstone kept)', 'change'],
  'subject-access.disclosure-withdrawn': ['Removed from a released subject access disclosure what came from a record withdrawn as made in error', 'change'],
  'subject-access.disclosure-person-withdrawn': ['Removed from a released subject access disclosure what concerned a person withdrawn from a record as added in error', 'change'],
  'retention.list': ['Listed the records due for disposal', 'account'],
  'retention.run': ['Ran the disposal of records due', 'account'],
  'retention.dispose': ['Disposed of the record at the end of its retention (its data removed)', 'change'],
  'alert.raise': ['Raised an alert', 'change'],
  'alert.acknowledge': ['Acknowledged an alert', 'change'],
  'alert.escalate': ['Passed an alert on to the safeguarding leads', 'change'],
  'alerts.list': ['Looked at their alerts', 'look'],
  'break-glass.list': ['Looked at emergency accesses to review', 'look'],
  'break-glass.review': ['Reviewed an emergency access', 'change'],
  'form.keep': ['Kept a form typed as the session ended', 'account'],
  'form.restore': ['Came back to a kept form', 'account'],
  'form-token.refused': ['Sent a form whose form token was refused (expired, or made for another user)', 'account'],
  'mail.deliver': ['Sent an alert email', 'account'],
  'sign-in': ['Signed in', 'account'],
  'sign-in.password': ['Gave a right password, with a two-factor code still to come', 'account'],
  'sign-in.provider': ['Signed in through their organisation’s identity provider, with a two-factor code still to come', 'account'],
  'two-factor.set-up': ['Set up two-factor sign-in', 'account'],
  'two-factor.reset': ['Reset an account’s two-factor sign-in', 'account'],
  'two-factor.recovery-codes': ['Got new two-factor recovery codes (the old ones stopped working)', 'account'],
  'provider-link.approve': ['Approved signing in to an account through an identity provider', 'account'],
  'provider-link.remove': ['Removed an account’s link to an identity provider', 'account'],
  'sign-out': ['Signed out', 'account'],
  'session.end': ['Ended a session', 'account'],
  'session.end-others': ['Ended their other sessions', 'account'],
  'api-token.create': ['Created an API token', 'account'],
  'api-token.revoke': ['Revoked an API token', 'account'],
  'api-token.scope': ['Used an API token without the permission needed', 'account'],
  'request.unknown-case': ['Asked the API about a case id that is no case (answered as one they may not see)', 'account'],
  'request.refused': ['Sent the API a request not of its operation’s shape (refused before anything was read)', 'look'],
  'administration.enter': ['Went to an administration page', 'account'],
  'accounts.list': ['Looked at the accounts', 'account'],
  'user.create': ['Added an account', 'account'],
  'user.unlock': ['Lifted a block on signing in', 'account'],
  'organisations.list': ['Looked at the organisations', 'account'],
  'organisation.create': ['Added an organisation', 'account'],
  'organisation-teams.view': ['Looked at an organisation’s teams', 'account'],
  'organisation-team.create': ['Added a team to an organisation', 'account'],
  'organisation-team.rename': ['Renamed a team of an organisation', 'account'],
  'organisation-team.archive': ['Archived a team of an organisation', 'account'],
  'user.team-change': ['Put someone in a team of their organisation, or in none', 'account'],
  'audit.list': ['Looked at the audit trail', 'account'],
  'settings.view': ['Looked at the area’s settings', 'account'],
  'settings.change': ['Changed an area setting', 'account'],
  'demo.seed': ['Loaded the demonstration partnership', 'account'],
  'synthetic.generate': ['Made up synthetic families for the demonstration', 'account'],
};

/** The actions that have words. */
export const AUDIT_ACTIONS: readonly string[] = Object.keys(ACTIONS);

/** What a printed view recorded in its audit entry's details (application/cases/view-case-print.ts). */
export interface PrintedAs {
  print: string;
  format: string;
}

const PRINTED: Readonly<Record<string, string>> = { profile: 'the profile', summary: 'the case summary', transfer: 'the transfer pack' };

/**
 * The action in plain words; one the service does not know yet is "Used the record", never its code.
 * A view of the record for printing says what was printed, and whether as a PDF.
 */
export function actionInWords(action: string, printed?: PrintedAs | null): string {
  const what = action === 'case.view' && printed ? PRINTED[printed.print] : undefined;
  if (what) return printed!.format === 'pdf' ? `Made a PDF of ${what}` : `Opened ${what} to print`;
  return ACTIONS[action]?.[0] ?? 'Used the record';
}

/** The actions of a kind: what the "Looks" and "Changes" filters keep. */
export function actionsOfKind(kind: AuditActionKind): string[] {
  return AUDIT_ACTIONS.filter((action) => ACTIONS[action]![1] === kind);
}

/** An entry made on emergency access: opening a record in an emergency, or anything done on that basis. */
export function isEmergencyAccess(action: string, basis: string | null): boolean {
  return action === 'case.break-glass' || basis === 'break-glass';
}

/** How an entry ended, in words; null when it went through. */
export function outcomeInWords(outcome: string): string | null {
  if (outcome === 'denied') return 'Refused';
  if (outcome === 'failure') return 'Did not go through';
  return null;
}
