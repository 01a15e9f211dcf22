// The JSON API, version 1. Each resource registers its routes here under /api/v1.
import type { FastifyInstance } from 'fastify';
import { caseRecordApiRoutes } from './case-records.routes.ts';
import { caseApiRoutes } from './cases.routes.ts';
import { lookupApiRoutes } from './lookup.routes.ts';
import { meRoutes } from './me.routes.ts';
import { profileApiRoutes } from './profile.routes.ts';
import { profileReviewApiRoutes } from './profile-review.routes.ts';
import { levelProposalApiRoutes } from './level-proposals.routes.ts';
import { planApiRoutes } from './plan.routes.ts';
import { meetingApiRoutes } from './meetings.routes.ts';
import { supervisionApiRoutes } from './supervision.routes.ts';
import { reportsApiRoutes } from './reports.routes.ts';
import { dashboardsApiRoutes } from './dashboards.routes.ts';
import { dischargePlanApiRoutes } from './discharge-plans.routes.ts';
import { consentApiRoutes } from './consent.routes.ts';
import { legalHoldApiRoutes } from './legal-holds.routes.ts';
import { subjectAccessApiRoutes } from './subject-access.routes.ts';
import { growthApiRoutes } from './growth.routes.ts';
import { timescalesApiRoutes } from './timescales.routes.ts';
import { alertApiRoutes } from './alerts.routes.ts';
import { eventApiRoutes } from './events.routes.ts';
import { eventBatchApiRoutes } from './events-batch.routes.ts';
import { disputeApiRoutes } from './disputes.routes.ts';
import { withdrawalApiRoutes } from './withdrawal.routes.ts';
import { transferApiRoutes } from './transfer.routes.ts';
import { personWithdrawalApiRoutes } from './person-withdrawal.routes.ts';
import { retentionApiRoutes } from './retention.routes.ts';
import { qualityAuditsApiRoutes } from './quality-audits.routes.ts';
import { fhirApiRoutes } from './fhir.routes.ts';
import { fhirExportApiRoutes } from './fhir-export.routes.ts';
import { tokenRoutes } from './tokens.routes.ts';
import { addStandardErrorResponses } from './standard-responses.ts';
import { refuseInputAfterTokenCheck } from './refused-input.ts';
import { oneAnswerForUnknownAndUnseenCases } from './unseen-case.ts';

export async function apiV1(app: FastifyInstance): Promise<void> {
  // Every operation publishes the error answers any operation can give (standard-responses.ts).
  app.addHook('onRoute', addStandardErrorResponses);
  // A request not of its operation's shape is refused after the token check, audited as its caller's (refused-input.ts).
  app.addHook('onRoute', refuseInputAfterTokenCheck);
  // A case that is not one and a case the caller may not see are answered alike (unseen-case.ts).
  app.addHook('onRoute', oneAnswerForUnknownAndUnseenCases);
  // The API takes JSON bodies (and the FHIR routes their own types): text is answered 415, not read as a body of the wrong shape.
  app.removeContentTypeParser('text/plain');
  await app.register(tokenRoutes);
  await app.register(meRoutes);
  await app.register(caseRecordApiRoutes);
  await app.register(lookupApiRoutes);
  await app.register(caseApiRoutes);
  await app.register(profileApiRoutes);
  await app.register(profileReviewApiRoutes);
  await app.register(levelProposalApiRoutes);
  await app.register(planApiRoutes);
  await app.register(meetingApiRoutes);
  await app.register(supervisionApiRoutes);
  await app.register(reportsApiRoutes);
  await app.register(dashboardsApiRoutes);
  await app.register(dischargePlanApiRoutes);
  await app.register(consentApiRoutes);
  await app.register(legalHoldApiRoutes);
  await app.register(subjectAccessApiRoutes);
  await app.register(growthApiRoutes);
  await app.register(timescalesApiRoutes);
  await app.register(eventApiRoutes);
  await app.register(alertApiRoutes);
  await app.register(eventBatchApiRoutes);
  await app.register(disputeApiRoutes);
  await app.register(withdrawalApiRoutes);
  await app.register(transferApiRoutes);
  await app.register(personWithdrawalApiRoutes);
  await app.register(retentionApiRoutes);
  await app.register(qualityAuditsApiRoutes);
  await app.register(fhirApiRoutes);
  await app.register(fhirExportApiRoutes);
}
