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
import { growthApiRoutes } from './growth.routes.ts';
import { timescalesApiRoutes } from './timescales.routes.ts';
import { alertApiRoutes } from './alerts.routes.ts';
import { eventApiRoutes } from './events.routes.ts';
import { eventBatchApiRoutes } from './events-batch.routes.ts';
import { fhirApiRoutes } from './fhir.routes.ts';
import { fhirExportApiRoutes } from './fhir-export.routes.ts';
import { tokenRoutes } from './tokens.routes.ts';

export async function apiV1(app: FastifyInstance): Promise<void> {
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
  await app.register(growthApiRoutes);
  await app.register(timescalesApiRoutes);
  await app.register(eventApiRoutes);
  await app.register(alertApiRoutes);
  await app.register(eventBatchApiRoutes);
  await app.register(fhirApiRoutes);
  await app.register(fhirExportApiRoutes);
}
