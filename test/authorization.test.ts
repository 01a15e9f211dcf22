// Walks every case route, page and API, for every kind of requester, and checks each is allowed
// or refused as the access policy says; that every refusal is audited and changes no row; and that
// ids from another case (swapped or guessed) never reveal anything. The routes are held against the
// app's own route table: a new route with a case id and no row here fails the test.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../src/domain/shared/roles.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from './helpers/factories.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { rowCounts } from './helpers/row-counts.ts';
import { routeOf, routeTable, type RouteEntry } from './helpers/route-table.ts';
import { WebClient } from './helpers/web-client.ts';
import { enrolTwoFactor } from './helpers/two-factor.ts';

/** `hold`: set or lift a legal hold on the case: a safeguarding lead or manager who may change it (domain/retention/legal-holds.ts). */
/** `propose-withdrawal`: the lead professional only; `confirm-withdrawal`: a safeguarding lead or manager who may change it (domain/withdrawal/withdrawal-rules.ts). */
/** `transfer`: close the case for transfer and record the receipt: the lead professional only (domain/transfer/transfer-rules.ts). */
/** `cancel-transfer`: the lead professional, or a manager or safeguarding lead of the sending organisation (domain/transfer/cancel-transfer.ts). */
type Need = 'read' | 'change' | 'manage' | 'hold' | 'propose-withdrawal' | 'confirm-withdrawal' | 'transfer' | 'cancel-transfer';
type Subject = 'lead' | 'member' | 'oversightLead' | 'oversightManager' | 'otherOrgLead' | 'otherOrgManager' | 'sameOrgPractitioner' | 'otherOrgFeed' | 'admin' | 'breakGlass';

/** What each kind of requester may do, as domain/access/case-access.ts decides it. */
const ALLOWED: Record<Subject, Need[]> = {
  lead: ['read', 'change', 'manage', 'propose-withdrawal', 'transfer', 'cancel-transfer'],
  member: ['read', 'change'],
  oversightLead: ['read', 'change', 'manage', 'hold', 'confirm-withdrawal', 'cancel-transfer'],
  oversightManager: ['read', 'change', 'manage', 'hold', 'confirm-withdrawal', 'cancel-transfer'],
  otherOrgLead: [],
  otherOrgManager: [],
  sameOrgPractitioner: [],
  otherOrgFeed: [],
  admin: [],
  breakGlass: ['read'],
};

interface Ids {
  caseId: string;
  personId: string;
}

interface RouteCase {
  name: string;
  need: Need;
  request(client: Caller, ids: Ids): Promise<LightMyRequestResponse>;
}

interface Caller {
  web: WebClient;
  token: string;
  api(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<LightMyRequestResponse>;
}

const person = { relationshipToInfant: 'friend', livesInHousehold: false, caresForInfant: false, givenName: 'Probe', familyName: 'Person' };
const personForm = { relationshipToInfant: 'friend', identityKnown: 'yes', givenName: 'Probe', familyName: 'Person', livesInHousehold: 'no', caresForInfant: 'no', visitsRegularly: 'no' };

const ROUTES: RouteCase[] = [
  { name: 'page: case overview', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}`) },
  { name: 'page: address, GP and hospital (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/details`) },
  { name: 'page: address, GP and hospital (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/details`, { version: '999', birthHospital: 'Probe Hospital' }) },
  { name: 'page: the household address (not restricted: anyone who may read the case)', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/address`) },
  { name: 'page: add a person (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/people/new`) },
  { name: 'page: add a person (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/people/new`, personForm) },
  { name: 'page: change a person (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/people/${ids.personId}`) },
  { name: 'page: change a person (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/people/${ids.personId}`, { ...personForm, version: '999' }) },
  { name: 'page: relationship (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/relationships/new`) },
  { name: 'page: relationship (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/relationships/new`, { personId: ids.personId, kind: 'partners', otherPersonId: 'nobody' }) },
  { name: 'page: record the birth (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/birth`) },
  { name: 'page: record the birth (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/birth`, { version: '1' }) },
  { name: 'page: profile', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile`) },
  { name: 'page: profile factor (read, or form)', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/household/housing-instability`) },
  { name: 'page: stress and response', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/stress`) },
  { name: 'page: profile factor (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/profile/household/housing-instability`, { version: '999', status: 'not-assessed' }) },
  { name: 'page: every factor of a subject (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/household/all-factors`) },
  { name: 'page: every factor of a subject (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/profile/household/all-factors`, { profileVersion: '999', 'status-housing-instability': 'not-assessed' }) },
  { name: 'page: profile history', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/history`) },
  { name: 'page: profile comparison', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/history/compare?from=0&to=1`) },
  { name: 'page: profile review', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/review`) },
  { name: 'page: mark profile reviewed (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/profile/review`, { profileVersion: '999' }) },
  { name: 'page: escalation decision (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/decision`) },
  {
    name: 'page: escalation decision (post)',
    need: 'change',
    request: (c, ids) => c.web.post(`/cases/${ids.caseId}/profile/decision`, { profileVersion: '999', decision: 'no-further-action', reasoning: 'probe', leadConsulted: 'no' }),
  },
  { name: 'page: level (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/level`) },
  { name: 'page: level (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/profile/level`, { level: 'universal', why: 'probe' }) },
  { name: 'page: propose a change of level (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/level/propose`) },
  { name: 'page: propose a change of level (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/profile/level/propose`, { level: 'universal', reason: 'probe' }) },
  { name: 'page: answer a level proposal (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/level-proposals/no-such-proposal/decision`, { answer: 'decline', reason: 'probe' }) },
  { name: 'page: chronology', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology`) },
  { name: 'page: chronology CSV', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology.csv`) },
  { name: 'page: chronology printable', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology/print`) },
  { name: 'page: printable profile', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/print/profile`) },
  { name: 'page: printable case summary', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/print/summary`) },
  { name: 'page: chronology timeline', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology/timeline`) },
  { name: 'page: chronology entry (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology/new`) },
  { name: 'page: chronology entry (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/chronology/new`, {}) },
  { name: 'page: chronology correction (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology/${randomUUID()}/correct`) },
  { name: 'page: chronology correction (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/chronology/${randomUUID()}/correct`, {}) },
  { name: 'page: chronology entry', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology/${randomUUID()}`) },
  { name: 'page: dispute of an entry (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology/${randomUUID()}/dispute`) },
  { name: 'page: dispute of an entry (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/chronology/${randomUUID()}/dispute`, { disputedBy: 'probe', text: 'probe' }) },
  { name: 'page: withdraw a record made in error', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/withdrawal`) },
  // A blank reason: the lead's proposal is a slip in the form (400), so nothing is proposed for a confirmation to act on.
  { name: 'page: propose withdrawing the record (post)', need: 'propose-withdrawal', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/withdrawal`, { reason: ' ' }) },
  { name: 'page: confirm withdrawing the record (post: nothing proposed)', need: 'confirm-withdrawal', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/withdrawal/confirm`, {}) },
  { name: 'page: contact (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/contacts/new`) },
  { name: 'page: contact (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/contacts/new`, {}) },
  { name: 'page: contact recorded', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/contacts/${randomUUID()}`) },
  { name: 'page: plan', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/plan`) },
  { name: 'page: plan (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/plan/edit`) },
  { name: 'page: plan (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/plan/edit`, { version: '999', level: 'universal', 'outcome-0': 'probe' }) },
  { name: 'page: meetings', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/meetings`) },
  { name: 'page: record a meeting (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/meetings/new`) },
  { name: 'page: record a meeting (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/meetings/new`, { kind: 'core-group', chair: 'probe' }) },
  // Supervision is narrower than the team (the notes only for the two who took part and safeguarding
  // leads: 'supervision notes' below); its page and form are for the team and oversight, not emergency access.
  { name: 'page: supervision', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/supervision`) },
  { name: 'page: record a supervision (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/supervision/new`) },
  { name: 'page: record a supervision (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/supervision/new`, { analysis: 'probe' }) },
  { name: 'page: a supervision (none with this id)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/supervision/no-such-supervision`) },
  { name: 'page: consent and information sharing', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/consent`) },
  { name: 'page: record consent sought (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/consent/consent`, { askedName: 'probe' }) },
  { name: 'page: record consent withdrawn (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/consent/withdrawal`, { withdraws: 'no-such-consent' }) },
  { name: 'page: record sharing without consent (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/consent/sharing`, { sharedWhat: 'probe' }) },
  { name: 'page: record the GP told (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/consent/gp-told`, { gpShared: 'probe' }) },
  // Each consent form's address answers a GET with the page (where a kept form comes back): for those who may record.
  { name: 'page: record consent sought (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/consent/consent`) },
  { name: 'page: record consent withdrawn (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/consent/withdrawal`) },
  { name: 'page: record sharing without consent (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/consent/sharing`) },
  { name: 'page: record the GP told (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/consent/gp-told`) },
  { name: 'page: keeping this record (disposal date and legal holds)', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/holds`) },
  { name: 'page: set a legal hold (post)', need: 'hold', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/holds`, { reason: 'probe' }) },
  { name: 'page: lift a legal hold (post)', need: 'hold', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/holds/no-such-hold/lift`, {}) },
  { name: 'page: growth', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/growth`) },
  { name: 'page: add a growth measurement (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/growth`, { kind: 'weight', value: '4000', 'measuredOn-day': '1', 'measuredOn-month': '1', 'measuredOn-year': '1999' }) },
  { name: 'page: discharge plans', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/discharge-plan`) },
  { name: 'page: record a discharge plan (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/discharge-plan`, { stay: 'hospital', 'firstVisit-name': 'probe' }) },
  { name: 'page: discharge plan, add another row (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/discharge-plan`, { add: 'followUps', 'followUp-0-what': 'probe' }) },
  { name: 'page: team (form)', need: 'manage', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/team`) },
  { name: 'page: team (post)', need: 'manage', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/team`, { email: 'nobody@test.example', role: 'member' }) },
  { name: 'page: who has looked', need: 'manage', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/looks`) },
  { name: 'api: GET case', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}`) },
  { name: 'api: PUT case details', need: 'change', request: (c, ids) => c.api('PUT', `/cases/${ids.caseId}/details`, { version: 999, birthHospital: 'Probe Hospital' }) },
  { name: 'api: GET the household address (not restricted)', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/address`) },
  { name: 'api: GET people', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/people`) },
  { name: 'api: POST person', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/people`, person) },
  { name: 'api: PUT person', need: 'change', request: (c, ids) => c.api('PUT', `/cases/${ids.caseId}/people/${ids.personId}`, { ...person, version: 999 }) },
  { name: 'api: GET profile versions', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/profile/versions`) },
  { name: 'api: GET profile comparison', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/profile/compare?from=0&to=0`) },
  { name: 'api: GET profile decisions', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/profile/decisions`) },
  {
    name: 'api: POST profile decision',
    need: 'change',
    request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/profile/decisions`, { decision: 'no-further-action', reasoning: 'probe', leadConsulted: false, profileVersion: 999 }),
  },
  { name: 'api: POST profile review', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/profile/review`, { profileVersion: 999 }) },
  { name: 'api: PUT level', need: 'change', request: (c, ids) => c.api('PUT', `/cases/${ids.caseId}/level`, { level: 'universal', why: 'probe' }) },
  { name: 'api: GET level proposals', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/level-proposals`) },
  { name: 'api: POST level proposal', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/level-proposals`, { level: 'universal', reason: 'probe' }) },
  { name: 'api: POST level proposal decision', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/level-proposals/no-such-proposal/decision`, { accept: false, reason: 'probe' }) },
  { name: 'api: GET events', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/events`) },
  { name: 'api: POST dispute of an event', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/events/${randomUUID()}/disputes`, { disputedBy: 'probe', text: 'probe' }) },
  { name: 'api: POST withdrawal (blank reason)', need: 'propose-withdrawal', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/withdrawal`, { reason: ' ' }) },
  { name: 'api: POST withdrawal confirm (nothing proposed)', need: 'confirm-withdrawal', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/withdrawal/confirm`) },
  {
    name: 'api: POST event',
    need: 'change',
    request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/events`, { kind: 'case-note', occurredAt: '2099-01-01', summary: 'probe', source: 'observed' }),
  },
  { name: 'api: GET profile', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/profile`) },
  {
    name: 'api: PUT profile factor',
    need: 'change',
    request: (c, ids) => c.api('PUT', `/cases/${ids.caseId}/profile/factors/housing-instability`, { status: 'excluded', evidence: [{ source: 'observed', note: 'Settled tenancy seen' }], version: 999 }),
  },
  { name: 'api: PUT profile subject', need: 'change', request: (c, ids) => c.api('PUT', `/cases/${ids.caseId}/profile/subjects/household`, { profileVersion: 999, answers: [{ factorId: 'housing-instability', status: 'not-assessed' }] }) },
  { name: 'api: GET plan', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/plan`) },
  { name: 'api: PUT plan', need: 'change', request: (c, ids) => c.api('PUT', `/cases/${ids.caseId}/plan`, { version: 999, level: 'universal', outcomes: [], checkItems: [], actions: [] }) },
  { name: 'api: GET meetings', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/meetings`) },
  { name: 'api: GET supervisions', need: 'change', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/supervisions`) },
  { name: 'api: GET a supervision (none with this id)', need: 'change', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/supervisions/no-such-supervision`) },
  {
    name: 'api: POST supervision',
    need: 'change',
    request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/supervisions`, { heldOn: '1999-01-01', practitionerId: 'probe', supervisorId: 'probe', answers: {}, stuck: 'no', analysis: 'probe', decisions: 'probe' }),
  },
  { name: 'api: POST meeting', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/meetings`, { kind: 'core-group', heldOn: '1999-01-01', chair: 'probe', parentsPresent: false, attendees: [], decisions: [] }) },
  { name: 'api: GET consents', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/consents`) },
  { name: 'api: POST consent', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/consents`, { kind: 'consent', askedName: 'probe' }) },
  { name: 'api: POST legal hold', need: 'hold', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/holds`, { reason: 'probe' }) },
  { name: 'api: DELETE legal hold', need: 'hold', request: (c, ids) => c.api('DELETE', `/cases/${ids.caseId}/holds/no-such-hold`) },
  { name: 'api: GET growth measurements', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/growth/measurements`) },
  { name: 'api: POST growth measurement', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/growth/measurements`, { kind: 'weight', value: 4000, unit: 'g', measuredOn: '1999-01-01' }) },
  { name: 'api: GET discharge plans', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/discharge-plans`) },
  {
    name: 'api: POST discharge plan',
    need: 'change',
    request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/discharge-plans`, { stay: 'hospital', dischargeOn: '1999-01-01', firstVisit: { agency: 'gp', name: 'probe', by: '1999-01-01' }, socialWorker: { status: 'no-social-worker' }, gp: { status: 'not-yet-told' } }),
  },
  { name: 'api: GET timescales', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/timescales`) },
  { name: 'api: POST team', need: 'manage', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/team`, { userId: randomUUID(), role: 'member' }) },
  { name: 'api: GET FHIR Patient', need: 'read', request: (c, ids) => c.api('GET', `/fhir/Patient/${ids.caseId}`) },
  { name: 'api: GET FHIR Patient $everything', need: 'read', request: (c, ids) => c.api('GET', `/fhir/Patient/${ids.caseId}/$everything`) },
  ...['RelatedPerson', 'Flag', 'CarePlan', 'CareTeam', 'Consent', 'Encounter'].map((type): RouteCase => ({ name: `api: GET FHIR ${type} search`, need: 'read', request: (c, ids) => c.api('GET', `/fhir/${type}?patient=${ids.caseId}`) })),
  { name: 'api: GET FHIR AuditEvent search (the access log)', need: 'manage', request: (c, ids) => c.api('GET', `/fhir/AuditEvent?patient=${ids.caseId}`) },
  { name: 'page: people another agency named', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/proposed-people`) },
  { name: 'page: decide about a person another agency named (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/proposed-people/${randomUUID()}`, { decision: 'not-in-family' }) },
  { name: 'page: withdraw a person added to the wrong family', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/people/${ids.personId}/withdrawal`) },
  { name: 'page: propose withdrawing a person (post, blank reason)', need: 'propose-withdrawal', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/people/${ids.personId}/withdrawal`, { reason: ' ' }) },
  { name: 'page: confirm withdrawing a person (post: nothing proposed)', need: 'confirm-withdrawal', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/people/${ids.personId}/withdrawal/confirm`, {}) },
  { name: 'api: POST person withdrawal (blank reason)', need: 'propose-withdrawal', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/people/${ids.personId}/withdrawal`, { reason: ' ' }) },
  { name: 'api: POST person withdrawal confirm (nothing proposed)', need: 'confirm-withdrawal', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/people/${ids.personId}/withdrawal/confirm`) },
  { name: 'api: GET retention (disposal date and holds)', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/retention`) },
  { name: 'page: transfer to another area', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/transfer`) },
  { name: 'page: close for transfer (post, blank area)', need: 'transfer', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/transfer`, { toArea: ' ', contact: 'probe' }) },
  { name: 'page: record the receipt of a transfer (post, none sent)', need: 'transfer', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/transfer/receipt`, { note: 'probe' }) },
  { name: 'page: cancel a transfer (post, none sent)', need: 'cancel-transfer', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/transfer/cancellation`, { reason: 'probe' }) },
  { name: 'page: merge a transfer pack into the record (post, not a pack)', need: 'change', request: (c, ids) => c.web.post('/transfers/import/merge', { pack: 'probe', mergeInto: ids.caseId }) },
  { name: 'page: printable transfer pack', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/print/transfer`) },
  { name: 'api: POST transfer (blank area)', need: 'transfer', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/transfer`, { toArea: ' ', contact: 'probe' }) },
  { name: 'api: GET transfer', need: 'change', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/transfer`) },
  { name: 'api: POST transfer receipt (none sent)', need: 'transfer', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/transfer/receipt`, { note: 'probe' }) },
  { name: 'api: POST transfer cancellation (none sent)', need: 'cancel-transfer', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/transfer/cancellation`, { reason: 'probe' }) },
];

/** Routes with a case id that are meant for people outside the team, and where they are tested. */
const OUTSIDE_THE_MATRIX: Record<string, string> = {
  'GET /cases/:caseId/emergency-access': 'for anyone outside the team: emergency-access tests',
  'POST /cases/:caseId/emergency-access': 'for anyone outside the team: emergency-access tests',
  'POST /emergency-access/:caseId/:id': 'the safeguarding lead’s review of emergency access: emergency-access tests',
  'GET /cases/:caseId/print/profile.pdf': 'the printable profile’s reading made into a PDF, only where a browser is installed (503 elsewhere): print.test.ts refuses an outsider',
  'GET /cases/:caseId/print/summary.pdf': 'the printable summary’s reading made into a PDF, only where a browser is installed (503 elsewhere): print.test.ts refuses an outsider',
  'GET /cases/:caseId/print/transfer.pdf': 'the printable transfer pack’s reading made into a PDF, only where a browser is installed (503 elsewhere): transfer.test.ts refuses an outsider',
};

/**
 * Quality assurance audits (issue 16) are the organisation's, not the team's: its safeguarding leads
 * start and answer them, its safeguarding leads and managers read them. The audit here is the GP
 * practice's (oversightLead's), of its cases (the target case among them); nobody else may open it.
 */
type AuditSubjects = readonly Subject[];
const AUDIT_READERS: AuditSubjects = ['oversightLead'];
const AUDIT_ROUTES: { name: string; allowed: AuditSubjects; request(client: Caller, ids: Ids & { auditId: string }): Promise<LightMyRequestResponse> }[] = [
  { name: 'page: quality audits', allowed: ['oversightLead', 'oversightManager', 'otherOrgLead', 'otherOrgManager'], request: (c) => c.web.get('/quality-audits') },
  { name: 'page: start a quality audit (form)', allowed: ['oversightLead', 'otherOrgLead'], request: (c) => c.web.get('/quality-audits/new') },
  { name: 'page: start a quality audit (post, nothing chosen)', allowed: ['oversightLead', 'otherOrgLead'], request: (c) => c.web.post('/quality-audits/new', {}) },
  { name: 'page: a quality audit', allowed: AUDIT_READERS, request: (c, ids) => c.web.get(`/quality-audits/${ids.auditId}`) },
  { name: 'page: a case in a quality audit', allowed: AUDIT_READERS, request: (c, ids) => c.web.get(`/quality-audits/${ids.auditId}/cases/${ids.caseId}`) },
  { name: 'page: answer a case in a quality audit (post, nothing answered)', allowed: AUDIT_READERS, request: (c, ids) => c.web.post(`/quality-audits/${ids.auditId}/cases/${ids.caseId}`, {}) },
  { name: 'page: quality audit results', allowed: AUDIT_READERS, request: (c, ids) => c.web.get(`/quality-audits/${ids.auditId}/report`) },
  { name: 'page: quality audit results, printable', allowed: AUDIT_READERS, request: (c, ids) => c.web.get(`/quality-audits/${ids.auditId}/report/print`) },
  { name: 'page: quality audit results, CSV', allowed: AUDIT_READERS, request: (c, ids) => c.web.get(`/quality-audits/${ids.auditId}/report.csv`) },
  { name: 'api: GET quality audits', allowed: ['oversightLead', 'oversightManager', 'otherOrgLead', 'otherOrgManager'], request: (c) => c.api('GET', '/quality-audits') },
  { name: 'api: GET a quality audit’s results', allowed: AUDIT_READERS, request: (c, ids) => c.api('GET', `/quality-audits/${ids.auditId}`) },
];

/**
 * GET /api/v1/lookup (an NHS number: is this person, or are they around, a baby on the record) takes
 * no case id: it answers hospitals, midwifery, GPs, police and children's social care, never another
 * agency, an administrator or a token without the read scope (lookup tests hold the answers).
 */
const LOOKUP_ALLOWED: Record<Subject, boolean> = {
  lead: false, // health visiting
  member: true, // GP
  oversightLead: true, // GP
  oversightManager: false, // health visiting
  otherOrgLead: true, // police
  otherOrgManager: true, // police
  otherOrgFeed: false, // police, but a token that only sends entries
  sameOrgPractitioner: false, // health visiting
  admin: false,
  breakGlass: true, // police
};

/**
 * The dashboards (issue 16) take no case id: the organisation's is for managers and safeguarding
 * leads of any organisation (each sees their own organisation's cases), never a practitioner, an
 * agency's feed token or an administrator; the partnership view is granted by an administrator, and
 * only an administrator may open its page (dashboards tests hold the counts and the grant).
 */
const DASHBOARD_ROUTES: { name: string; admin?: true; request(c: Caller): Promise<LightMyRequestResponse> }[] = [
  { name: 'page: organisation dashboard', request: (c) => c.web.get('/dashboards') },
  { name: 'page: dashboard list', request: (c) => c.web.get('/dashboards/organisation/cases?measure=never-reviewed') },
  { name: 'page: dashboard list CSV', request: (c) => c.web.get('/dashboards/organisation/cases.csv') },
  { name: 'api: GET dashboard', request: (c) => c.api('GET', '/dashboards/organisation') },
  { name: 'page: partnership view grants', admin: true, request: (c) => c.web.get('/admin/partnership-view') },
];
const DASHBOARD_ALLOWED: Record<Subject, boolean> = {
  lead: false,
  member: false,
  oversightLead: true,
  oversightManager: true,
  otherOrgLead: true,
  otherOrgManager: true,
  otherOrgFeed: false,
  sameOrgPractitioner: false,
  admin: false,
  breakGlass: false,
};

/**
 * The partnership's reports (/reports, the census return, their CSV files and GET
 * /api/v1/reports/cin-census) take no case id: they answer managers and safeguarding leads, over the
 * cases their own organisation works on, and refuse everyone else, audited (reports tests hold the rows).
 */
const REPORTS_ALLOWED: Record<Subject, boolean> = {
  lead: false,
  member: false,
  oversightLead: true, // the GP practice, in the team: sees the target case
  oversightManager: true, // health visiting, in the team: sees the target case
  otherOrgLead: true, // police, not in the team: sees nothing of it
  otherOrgManager: true,
  otherOrgFeed: false,
  sameOrgPractitioner: false,
  admin: false,
  breakGlass: false,
};

const REPORT_REQUESTS: { name: string; request(c: Caller): Promise<LightMyRequestResponse> }[] = [
  { name: 'page: reports', request: (c) => c.web.get('/reports?from=2026-04-01&to=2027-03-31') },
  { name: 'page: a report as CSV', request: (c) => c.web.get('/reports/was-not-brought.csv?from=2026-04-01&to=2027-03-31') },
  { name: 'page: census return', request: (c) => c.web.get('/reports/cin-census?from=2026-04-01&to=2027-03-31') },
  { name: 'page: census return as CSV', request: (c) => c.web.get('/reports/cin-census.csv?from=2026-04-01&to=2027-03-31') },
  { name: 'api: GET census return', request: (c) => c.api('GET', '/reports/cin-census?from=2026-04-01&to=2027-03-31') },
];

/**
 * Finding the person of a subject access request by name and date of birth takes no case id: only a
 * data protection officer (a grant, docs/adr/0012) may, which none of these callers holds, whatever
 * their role; each refusal audited (the subject access tests hold the officer's rows).
 */
const SUBJECT_SEARCH_REQUESTS: { name: string; request(c: Caller): Promise<LightMyRequestResponse> }[] = [
  { name: 'page: subject access search by name and date of birth', request: (c) => c.web.post('/subject-access/new/search', { name: 'Visible X', dateOfBirth: '1990-01-01', postcode: '' }) },
  { name: 'api: POST subject access search', request: (c) => c.api('POST', '/subject-access-searches', { name: 'Visible X', dateOfBirth: '1990-01-01' }) },
];

/**
 * Teams within an organisation (issue 16, docs/adr/0019-teams.md) take no case id: an organisation's
 * teams (here health visiting's, the lead's) are for an administrator and that organisation's managers,
 * never a practitioner, a safeguarding lead or another organisation's manager, each refusal audited
 * (the teams tests hold the rest: another organisation's team or person, an archived team, the names).
 * The changes send an empty name, or no team, so an allowed caller changes nothing; archiving comes last.
 */
const TEAM_ROUTES: { name: string; request(c: Caller, ids: { organisationId: string; teamId: string; userId: string }): Promise<LightMyRequestResponse> }[] = [
  { name: 'page: an organisation’s teams', request: (c, ids) => c.web.get(`/organisations/${ids.organisationId}/teams`) },
  { name: 'page: add a team (post)', request: (c, ids) => c.web.post(`/organisations/${ids.organisationId}/teams`, { name: '' }) },
  { name: 'page: rename a team (form)', request: (c, ids) => c.web.get(`/organisations/${ids.organisationId}/teams/${ids.teamId}/rename`) },
  { name: 'page: rename a team (post)', request: (c, ids) => c.web.post(`/organisations/${ids.organisationId}/teams/${ids.teamId}/rename`, { name: '' }) },
  { name: 'page: a person’s team (form)', request: (c, ids) => c.web.get(`/organisations/${ids.organisationId}/people/${ids.userId}/team`) },
  { name: 'page: a person’s team (post)', request: (c, ids) => c.web.post(`/organisations/${ids.organisationId}/people/${ids.userId}/team`, { teamId: 'none' }) },
  { name: 'page: archive a team (post)', request: (c, ids) => c.web.post(`/organisations/${ids.organisationId}/teams/${ids.teamId}/archive`) },
];
const TEAMS_ALLOWED: Record<Subject, boolean> = {
  lead: false,
  member: false,
  oversightLead: false, // the GP practice's
  oversightManager: true, // health visiting's manager
  otherOrgLead: false,
  otherOrgManager: false, // police's manager
  otherOrgFeed: false,
  sameOrgPractitioner: false,
  admin: true,
  breakGlass: false,
};

function refused(response: LightMyRequestResponse): boolean {
  return response.statusCode === 403;
}

describe('authorisation of every case route', () => {
  let t: TestApp;
  let target: Ids;
  let other: Ids;
  const callers = {} as Record<Subject, Caller & { userId: string }>;
  let routes: RouteEntry[] = [];
  const routesReached = new Set<string>();

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting');
    const gp = await makeOrganisation(t.ctx, 'gp');
    const police = await makeOrganisation(t.ctx, 'police');
    const make = (role: Role, organisationId: string) => makeUser(t.ctx, { role, organisationId });
    const users = {
      lead: await make('practitioner', health.id),
      member: await make('practitioner', gp.id),
      oversightLead: await make('safeguarding-lead', gp.id),
      oversightManager: await make('manager', health.id),
      otherOrgLead: await make('safeguarding-lead', police.id),
      otherOrgManager: await make('manager', police.id),
      // An agency system's token, which may only add chronology entries.
      otherOrgFeed: await make('practitioner', police.id),
      sameOrgPractitioner: await make('practitioner', health.id),
      admin: await make('admin', health.id),
      breakGlass: await make('practitioner', police.id),
    } satisfies Record<Subject, unknown>;
    const caseA = await makeCase(t.ctx, { familyName: 'Target', teamUserIds: [users.lead.id, users.member.id] });
    const caseB = await makeCase(t.ctx, { familyName: 'Secretfamily', teamUserIds: [users.otherOrgLead.id] });
    const now = t.ctx.clock.now();
    for (const [caseId, personId, name] of [[caseA.id, 'person-a', 'Visible'], [caseB.id, 'person-b', 'Secretperson']] as const) {
      await makePerson(t.ctx, caseId, { id: personId, given_name: name, family_name: 'X' });
    }
    target = { caseId: caseA.id, personId: 'person-a' };
    other = { caseId: caseB.id, personId: 'person-b' };
    await t.ctx.db.insertInto('break_glass_access').values({ case_id: caseA.id, id: 'bg', user_id: users.breakGlass.id, reason: 'test emergency access', started_at: now, expires_at: new Date(now.getTime() + 3_600_000) }).execute();

    routes = routeTable(t.app);
    const reached = (method: string, url: string) => {
      const route = routeOf(routes, method, url);
      if (route) routesReached.add(`${route.method} ${route.path}`);
    };
    for (const [subject, user] of Object.entries(users) as [Subject, (typeof users)[Subject]][]) {
      const web = new WebClient(t.app, { onRequest: reached });
      await web.signIn(user.email, user.password);
      const token = await apiTokenFor(t.ctx, user.email, subject === 'otherOrgFeed' ? ['feed'] : undefined);
      callers[subject] = {
        userId: user.id,
        web,
        token,
        api: (method, url, payload) => {
          reached(method, `/api/v1${url}`);
          return t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
        },
      };
    }
  });
  after(async () => t.close());

  // The tables a refused request must leave alone: the shared list, the plan's versions and the meetings.
  const watchedRows = async () => ({
    ...(await rowCounts(t.ctx.db)),
    case_plans: Number((await t.ctx.db.selectFrom('case_plans').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
    case_meetings: Number((await t.ctx.db.selectFrom('case_meetings').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
    case_supervisions: Number((await t.ctx.db.selectFrom('case_supervisions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
    case_consents: Number((await t.ctx.db.selectFrom('case_consents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
    growth_measurements: Number((await t.ctx.db.selectFrom('growth_measurements').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
  });

  const deniedAudits = async (userId: string) =>
    Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('actor_user_id', '=', userId).where('outcome', '=', 'denied').executeTakeFirstOrThrow()).n);

  for (const route of ROUTES) {
    for (const subject of Object.keys(ALLOWED) as Subject[]) {
      const allowed = ALLOWED[subject].includes(route.need);
      it(`${route.name}: ${allowed ? 'allows' : 'refuses'} ${subject}`, async () => {
        const caller = callers[subject];
        await caller.web.get('/');
        const before = await deniedAudits(caller.userId);
        const rowsBefore = await watchedRows();
        const response = await route.request(caller, target);
        if (allowed) {
          assert.ok(!refused(response) && response.statusCode < 500, `${response.statusCode}: ${response.body.slice(0, 200)}`);
        } else {
          assert.ok(refused(response), `expected 403, got ${response.statusCode}`);
          assert.doesNotMatch(response.body, /Visible|Target/, 'a refusal shows nothing of the record');
          assert.equal(await deniedAudits(caller.userId), before + 1, 'the refusal is audited');
          assert.deepEqual(await watchedRows(), rowsBefore, 'a refusal changes no row');
        }
      });
    }
  }

  let auditStarted: Promise<string> | null = null;
  /** The GP practice's audit of its cases, started once, by its safeguarding lead. */
  const auditId = () =>
    (auditStarted ??= callers.oversightLead.web.post('/quality-audits/new', { scope: 'all' }).then((response) => {
      assert.equal(response.statusCode, 303, response.body.slice(0, 300));
      return String(response.headers.location).split('/').pop()!;
    }));

  for (const route of AUDIT_ROUTES) {
    for (const subject of Object.keys(ALLOWED) as Subject[]) {
      const allowed = route.allowed.includes(subject);
      it(`${route.name}: ${allowed ? 'allows' : 'refuses'} ${subject}`, async () => {
        const ids = { ...target, auditId: await auditId() };
        const caller = callers[subject];
        const before = await deniedAudits(caller.userId);
        const rowsBefore = await watchedRows();
        const response = await route.request(caller, ids);
        if (allowed) {
          assert.ok(!refused(response) && response.statusCode < 500, `${response.statusCode}: ${response.body.slice(0, 200)}`);
        } else {
          assert.ok(refused(response), `expected 403, got ${response.statusCode}`);
          assert.doesNotMatch(response.body, /Visible|Target/, 'a refusal shows nothing of the record');
          assert.equal(await deniedAudits(caller.userId), before + 1, 'the refusal is audited');
          assert.deepEqual(await watchedRows(), rowsBefore, 'a refusal changes no row');
        }
      });
    }
  }

  it('shows a factor read-only under emergency access: its facts and evidence, no form to change it', async () => {
    const response = await callers.breakGlass.web.get(`/cases/${target.caseId}/profile/household/housing-instability`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /data-qa="read-only"/);
    assert.match(response.body, /data-qa="factor-summary"/);
    assert.doesNotMatch(response.body, /<form method="post" action="\/cases\//);
    const team = await callers.member.web.get(`/cases/${target.caseId}/profile/household/housing-instability`);
    assert.doesNotMatch(team.body, /data-qa="read-only"/);
    assert.match(team.body, /data-qa="save-factor"/);
  });

  it('supervision notes: the practitioner, the supervisor and a safeguarding lead read them; a team member who is neither is refused, audited', async () => {
    const [year = '', month = '', day = ''] = serviceToday(t.clock.now()).split('-');
    const recorded = await callers.lead.web.post(`/cases/${target.caseId}/supervision/new`, {
      'heldOn-day': day,
      'heldOn-month': month,
      'heldOn-year': year,
      practitionerId: callers.lead.userId,
      supervisorId: callers.oversightManager.userId,
      ...Object.fromEntries(['script', 'missing-voices', 'unthinkable', 'changed', 'stuck'].map((id) => [`answer-${id}`, 'probe'])),
      stuck: 'no',
      analysis: 'Probe analysis',
      decisions: 'probe',
    });
    assert.equal(recorded.statusCode, 303, recorded.body.slice(0, 300));
    const url = String(recorded.headers.location);
    for (const subject of ['lead', 'oversightManager', 'oversightLead'] as const) {
      const response = await callers[subject].web.get(url);
      assert.equal(response.statusCode, 200, subject);
      assert.match(response.body, /Probe analysis/, subject);
    }
    const before = await deniedAudits(callers.member.userId);
    const refusedPage = await callers.member.web.get(url);
    assert.equal(refusedPage.statusCode, 403);
    assert.doesNotMatch(refusedPage.body, /Probe analysis/);
    assert.equal(await deniedAudits(callers.member.userId), before + 1, 'the refusal is audited');
    assert.doesNotMatch((await callers.member.web.get(`/cases/${target.caseId}/supervision`)).body, /Probe analysis/);
  });

  for (const subject of Object.keys(LOOKUP_ALLOWED) as Subject[]) {
    it(`api: GET lookup by NHS number: ${LOOKUP_ALLOWED[subject] ? 'answers' : 'refuses'} ${subject}`, async () => {
      const caller = callers[subject];
      const before = await deniedAudits(caller.userId);
      const response = await caller.api('GET', '/lookup?nhsNumber=9434765919');
      if (LOOKUP_ALLOWED[subject]) {
        assert.equal(response.statusCode, 200, response.body.slice(0, 200));
      } else {
        assert.equal(response.statusCode, 403, response.body.slice(0, 200));
        assert.doesNotMatch(response.body, new RegExp(`${target.caseId}|Visible|Target`), 'a refusal shows nothing of any record');
        assert.equal(await deniedAudits(caller.userId), before + 1, 'the refusal is audited');
      }
    });
  }

  it('single sign-on routes (POST /sign-in/oidc/:provider, GET …/callback; no case id, open to the signed-out): a signed-in caller stays themselves, and an answer with no sign-in started signs nobody in', async () => {
    for (const subject of ['lead', 'member'] as const) {
      const caller = callers[subject];
      await caller.web.get('/');
      const start = await caller.web.post('/sign-in/oidc/entra', { returnTo: '/alerts' });
      assert.equal(start.statusCode, 303);
      assert.equal(start.headers.location, '/alerts');
      const callback = await caller.web.get('/sign-in/oidc/entra/callback?code=probe&state=probe');
      assert.equal(callback.statusCode, 404, 'no provider of that id here');
      const home = await caller.web.get('/');
      assert.equal(home.statusCode, 200, 'still signed in as before');
    }
  });

  for (const route of DASHBOARD_ROUTES) {
    for (const subject of Object.keys(DASHBOARD_ALLOWED) as Subject[]) {
      const allowed = route.admin ? subject === 'admin' : DASHBOARD_ALLOWED[subject];
      it(`${route.name}: ${allowed ? 'allows' : 'refuses'} ${subject}`, async () => {
        const caller = callers[subject];
        const before = await deniedAudits(caller.userId);
        const response = await route.request(caller);
        if (allowed) {
          assert.equal(response.statusCode, 200, response.body.slice(0, 200));
        } else {
          assert.equal(response.statusCode, 403, response.body.slice(0, 200));
          assert.doesNotMatch(response.body, /Visible|Target|Secretfamily/, 'a refusal shows nothing of any record');
          assert.equal(await deniedAudits(caller.userId), before + 1, 'the refusal is audited');
        }
      });
    }
  }

  let teamMade: Promise<{ organisationId: string; teamId: string; userId: string }> | null = null;
  /** Health visiting's team, made once, and its practitioner outside the case's team. */
  const teamIds = () =>
    (teamMade ??= (async () => {
      const { organisation_id: organisationId } = await t.ctx.db.selectFrom('users').select('organisation_id').where('id', '=', callers.lead.userId).executeTakeFirstOrThrow();
      const teamId = randomUUID();
      await t.ctx.db.insertInto('teams').values({ id: teamId, organisation_id: organisationId, name: 'Probe team', created_at: t.clock.now(), archived_at: null }).execute();
      return { organisationId, teamId, userId: callers.sameOrgPractitioner.userId };
    })());

  for (const route of TEAM_ROUTES) {
    for (const subject of Object.keys(TEAMS_ALLOWED) as Subject[]) {
      const allowed = TEAMS_ALLOWED[subject];
      it(`${route.name}: ${allowed ? 'allows' : 'refuses'} ${subject}`, async () => {
        const ids = await teamIds();
        const caller = callers[subject];
        await caller.web.get('/');
        const before = await deniedAudits(caller.userId);
        const rowsBefore = await watchedRows();
        const response = await route.request(caller, ids);
        if (allowed) {
          assert.ok(!refused(response) && response.statusCode < 500, `${response.statusCode}: ${response.body.slice(0, 200)}`);
        } else {
          assert.equal(response.statusCode, 403, response.body.slice(0, 200));
          assert.doesNotMatch(response.body, /Probe team/, 'a refusal shows nothing of the teams');
          assert.equal(await deniedAudits(caller.userId), before + 1, 'the refusal is audited');
          assert.deepEqual(await watchedRows(), rowsBefore, 'a refusal changes no row');
        }
      });
    }
  }

  for (const route of SUBJECT_SEARCH_REQUESTS) {
    for (const subject of Object.keys(ALLOWED) as Subject[]) {
      it(`${route.name}: refuses ${subject}`, async () => {
        const caller = callers[subject];
        const before = await deniedAudits(caller.userId);
        const response = await route.request(caller);
        assert.equal(response.statusCode, 403, response.body.slice(0, 200));
        assert.doesNotMatch(response.body, /Visible|Target|Secretfamily/, 'a refusal shows nothing of any record');
        assert.equal(await deniedAudits(caller.userId), before + 1, 'the refusal is audited');
      });
    }
  }

  for (const route of REPORT_REQUESTS) {
    for (const subject of Object.keys(REPORTS_ALLOWED) as Subject[]) {
      it(`${route.name}: ${REPORTS_ALLOWED[subject] ? 'answers' : 'refuses'} ${subject}`, async () => {
        const caller = callers[subject];
        const before = await deniedAudits(caller.userId);
        const response = await route.request(caller);
        if (REPORTS_ALLOWED[subject]) {
          assert.equal(response.statusCode, 200, response.body.slice(0, 200));
          if (subject.startsWith('otherOrg')) assert.doesNotMatch(response.body, /Visible|Target/, 'another organisation’s reports show nothing of a case it does not work on');
        } else {
          assert.equal(response.statusCode, 403, response.body.slice(0, 200));
          assert.doesNotMatch(response.body, /Visible|Target|Secretfamily/, 'a refusal shows nothing of any record');
          assert.equal(await deniedAudits(caller.userId), before + 1, 'the refusal is audited');
        }
      });
    }
  }

  it('has a row for every route that takes a case id: a new route without one fails here', () => {
    const caseRoutes = routes.filter((route) => route.path.includes(':caseId')).map((route) => `${route.method} ${route.path}`);
    const missing = caseRoutes.filter((route) => !routesReached.has(route) && !OUTSIDE_THE_MATRIX[route]);
    assert.deepEqual(missing, []);
  });

  it("never shows another case's person through this case's address (swapped ids)", async () => {
    const lead = callers.lead;
    for (const response of [
      await lead.web.get(`/cases/${target.caseId}/people/${other.personId}`),
      await lead.web.get(`/cases/${target.caseId}/people/${other.personId}/withdrawal`),
      await lead.api('PUT', `/cases/${target.caseId}/people/${other.personId}`, { ...person, version: 1 }),
    ]) {
      assert.equal(response.statusCode, 404);
      assert.doesNotMatch(response.body, /Secretperson|Secretfamily/);
    }
  });

  it('refuses, without a trace of its data, a case the caller is not in, whatever the route (guessed ids)', async () => {
    const lead = callers.lead;
    for (const route of ROUTES) {
      const response = await route.request(lead, other);
      assert.equal(response.statusCode, 403, route.name);
      assert.doesNotMatch(response.body, /Secretperson|Secretfamily/, route.name);
    }
    for (const route of ROUTES) {
      const response = await route.request(lead, { caseId: randomUUID(), personId: randomUUID() });
      assert.equal(response.statusCode, 404, route.name);
    }
  });

  it('refuses every case page to a team member past the password but waiting for the second factor: sent to sign in, nothing of the record, no row changed', async () => {
    const waiting = await makeUser(t.ctx, { role: 'practitioner', organisationId: (await makeOrganisation(t.ctx, 'gp')).id });
    await t.ctx.db.insertInto('case_team').values({ case_id: target.caseId, user_id: waiting.id, role: 'member', added_at: t.clock.now(), added_by: null }).execute();
    await enrolTwoFactor(t.ctx, waiting);
    const web = new WebClient(t.app);
    assert.equal((await web.signIn(waiting.email, waiting.password)).headers.location, '/sign-in/two-factor');
    const rowsBefore = await watchedRows();
    const caller: Caller = { web, token: '', api: (method, url, payload) => t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: web.cookieHeader }, ...(payload ? { payload } : {}) }) };
    for (const route of ROUTES) {
      const response = await route.request(caller, target);
      const toSignIn = response.statusCode === 303 && String(response.headers.location).startsWith('/sign-in');
      assert.ok(toSignIn || response.statusCode === 401 || response.statusCode === 403, `${route.name}: ${String(response.statusCode)}`);
      assert.doesNotMatch(response.body, /Visible|Target/, route.name);
    }
    assert.deepEqual(await watchedRows(), rowsBefore, 'nothing changed');
  });
});
