// Wires the application together. Nothing here decides anything: see the plugins and features.
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from './application/context.ts';
import { healthRoutes } from './api/health.routes.ts';
import { openapi } from './api/openapi.ts';
import { apiV1 } from './api/v1/api-v1.plugin.ts';
import { validatorCompiler } from './api/request-validation.ts';
import { serializerCompiler } from './api/response-serialization.ts';
import { publishedStatuses } from './api/published-statuses.ts';
import { accountRoutes } from './web/features/account/account.routes.ts';
import { adminRoutes } from './web/features/admin/admin.routes.ts';
import { alertRoutes } from './web/features/alerts/alerts.routes.ts';
import { apiDocsRoutes } from './web/features/api-docs/api-docs.routes.ts';
import { caseRoutes } from './web/features/cases/case.routes.ts';
import { chronologyRoutes } from './web/features/chronology/chronology.routes.ts';
import { contactRoutes } from './web/features/contacts/contact.routes.ts';
import { peopleRoutes } from './web/features/cases/people.routes.ts';
import { householdChildrenRoutes } from './web/features/cases/household-children.routes.ts';
import { caseDetailsRoutes } from './web/features/cases/case-details.routes.ts';
import { profileRoutes } from './web/features/profile/profile.routes.ts';
import { profileHistoryRoutes } from './web/features/profile/history.routes.ts';
import { subjectAssessmentRoutes } from './web/features/profile/subject-assessment.routes.ts';
import { profileReviewRoutes } from './web/features/profile/review.routes.ts';
import { planRoutes } from './web/features/plan/plan.routes.ts';
import { printRoutes } from './web/features/print/print.routes.ts';
import { meetingRoutes } from './web/features/meetings/meetings.routes.ts';
import { supervisionRoutes } from './web/features/supervision/supervision.routes.ts';
import { qualityAuditRoutes } from './web/features/quality-audits/quality-audits.routes.ts';
import { reportsRoutes } from './web/features/reports/reports.routes.ts';
import { dashboardsRoutes } from './web/features/dashboards/dashboards.routes.ts';
import { organisationTeamsRoutes } from './web/features/teams/teams.routes.ts';
import { consentRoutes } from './web/features/consent/consent.routes.ts';
import { retentionRoutes } from './web/features/retention/retention.routes.ts';
import { officerRoutes } from './web/features/subject-access/officers.routes.ts';
import { subjectAccessRoutes } from './web/features/subject-access/subject-access.routes.ts';
import { growthRoutes } from './web/features/growth/growth.routes.ts';
import { dischargePlanRoutes } from './web/features/discharge/discharge-plan.routes.ts';
import { teamRoutes } from './web/features/cases/team.routes.ts';
import { timelineRoutes } from './web/features/timeline/timeline.routes.ts';
import { emergencyAccessRoutes } from './web/features/emergency-access/emergency-access.routes.ts';
import { birthDetailsRoutes } from './web/features/birth-details/birth-details.routes.ts';
import { findRecordRoutes } from './web/features/find-record/find-record.routes.ts';
import { homeRoutes } from './web/features/home/home.routes.ts';
import { infoRoutes } from './web/features/info/info.routes.ts';
import { signInRoutes } from './web/features/sign-in/sign-in.routes.ts';
import { twoFactorRoutes } from './web/features/sign-in/two-factor.routes.ts';
import { oidcRoutes } from './web/features/sign-in/oidc.routes.ts';
import { assets } from './web/plugins/assets.ts';
import { answerUnreadableAddress, errors } from './web/plugins/errors.ts';
import { createPdfRenderer, type PdfRenderer, type PdfRendererOptions } from './infrastructure/pdf/pdf-renderer.ts';
import { fastifyTracingPlugin, tracingStarted } from './infrastructure/tracing/tracing.ts';
import { logOptions, requestIdFor, requestLogging, requestLogs, type LogDestination } from './web/plugins/request-logging.ts';
import { requestMetrics, requestObserver } from './web/plugins/request-metrics.ts';
import { security } from './web/plugins/security.ts';
import { sessions } from './web/plugins/sessions.ts';
import { keptForms } from './web/plugins/kept-forms.ts';
import { inputGuard } from './web/plugins/input-guard.ts';
import { views } from './web/plugins/views.ts';
import { withdrawalRoutes } from './web/features/withdrawal/withdrawal.routes.ts';
import { transferRoutes } from './web/features/transfer/transfer.routes.ts';
import { personWithdrawalRoutes } from './web/features/withdrawal/person-withdrawal.routes.ts';
import { proposedPeopleRoutes } from './web/features/proposed-people/proposed-people.routes.ts';
import './web/plugins/types.ts';

export interface BuildAppOptions {
  ctx: AppContext;
  sessionSecret: string;
  /** Log one line per request (and errors) at LOG_LEVEL, to standard output or the destination given. */
  logger?: boolean;
  logDestination?: LogDestination;
  /** Check every API reply's status and body against the responses its operation publishes (tests do; a mismatch is a 500). */
  checkReplies?: boolean;
  /** Each request's server span (infrastructure/tracing/request-spans.ts): by default when this process has started tracing (src/infrastructure/tracing). */
  tracing?: boolean;
  /** Makes the app's one PDF renderer: createPdfRenderer, unless a test watches what the app does with it. */
  makePdfRenderer?: (options: PdfRendererOptions) => PdfRenderer;
}

export async function buildApp({ ctx, sessionSecret, logger = false, logDestination, checkReplies = false, tracing = tracingStarted(), makePdfRenderer = createPdfRenderer }: BuildAppOptions): Promise<FastifyInstance> {
  // With logs on, each request's line and its metrics are written as it ends, no hook (request-logging.ts, RequestEnds); Fastify's own logger is off either way.
  const logs = logger || logDestination !== undefined ? requestLogs({ level: ctx.config.logLevel, destination: logDestination, onEnd: requestObserver(ctx.metrics) }) : undefined;
  const app = Fastify({
    ...logOptions(logs),
    trustProxy: ctx.config.trustProxy,
    genReqId: requestIdFor(ctx.config.trustProxy),
    bodyLimit: 1_048_576,
    frameworkErrors: logs ? logs.beforeRouting(answerUnreadableAddress) : answerUnreadableAddress,
  });
  // The service's logger as app.log (background work, plugins) and for Fastify's own client errors.
  if (logs) app.log = logs.logger;
  app.decorate('ctx', ctx);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler(checkReplies));
  if (checkReplies) await app.register(publishedStatuses);

  // With logs on, the request span ends beside the request line, so that no onResponse hook runs.
  if (tracing) await app.register(await fastifyTracingPlugin(), { endsWith: logs ? (end) => logs.alsoOnEnd(end) : undefined });
  await app.register(requestLogging, { logs });
  if (!logs) await app.register(requestMetrics);
  // A form's body may be as large as any request (1 MiB, about 900,000 characters of typed English), so
  // that text pasted far past a field's limit is read and refused by that field's own limit, worded
  // with the count typed and given back whole (web/forms/too-long.ts); at 256 KiB a 300,000-character
  // paste was refused unread and lost. Beyond 1 MiB the 413 page says to go back (plugins/errors.ts).
  await app.register(fastifyFormbody, { bodyLimit: 1_048_576 });
  await app.register(openapi);
  await app.register(security, { secret: sessionSecret });
  await app.register(sessions, { secret: sessionSecret });
  await app.register(keptForms);
  await app.register(views);
  await app.register(assets);
  await app.register(errors);
  await app.register(inputGuard);

  // One browser for the app's PDFs (the printable pages and subject access packs), closed with the app.
  const pdfRenderer = makePdfRenderer({ executablePath: ctx.config.chromiumPath });
  app.addHook('onClose', async () => pdfRenderer.close());

  await app.register(healthRoutes);
  await app.register(apiV1, { prefix: '/api/v1' });
  await app.register(apiDocsRoutes);
  await app.register(signInRoutes);
  await app.register(twoFactorRoutes);
  await app.register(oidcRoutes);
  await app.register(homeRoutes);
  await app.register(alertRoutes);
  await app.register(infoRoutes);
  await app.register(adminRoutes);
  await app.register(accountRoutes);
  await app.register(caseRoutes);
  await app.register(teamRoutes);
  await app.register(peopleRoutes);
  await app.register(householdChildrenRoutes);
  await app.register(proposedPeopleRoutes);
  await app.register(caseDetailsRoutes);
  await app.register(withdrawalRoutes);
  await app.register(transferRoutes);
  await app.register(personWithdrawalRoutes);
  await app.register(profileRoutes);
  await app.register(profileHistoryRoutes);
  await app.register(subjectAssessmentRoutes);
  await app.register(profileReviewRoutes);
  await app.register(planRoutes);
  await app.register(printRoutes, { renderer: pdfRenderer });
  await app.register(meetingRoutes);
  await app.register(supervisionRoutes);
  await app.register(qualityAuditRoutes);
  await app.register(reportsRoutes);
  await app.register(dashboardsRoutes);
  await app.register(organisationTeamsRoutes);
  await app.register(consentRoutes);
  await app.register(retentionRoutes);
  await app.register(officerRoutes);
  await app.register(subjectAccessRoutes, { renderer: pdfRenderer });
  await app.register(growthRoutes);
  await app.register(dischargePlanRoutes);
  await app.register(chronologyRoutes);
  await app.register(contactRoutes);
  await app.register(emergencyAccessRoutes);
  await app.register(findRecordRoutes);
  await app.register(birthDetailsRoutes);
  await app.register(timelineRoutes);
  return app;
}
