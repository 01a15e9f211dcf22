// Layer rules (docs/adr/0001-stack-and-layers.md): domain imports nothing outside itself;
// application does not know about the web or the API; the API does not know about the web's pages
// and plugins; infrastructure does not know about application, web or API; the drawings under
// web/drawings know only the domain; pages and API routes reach the database only through the use
// cases.
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain is pure TypeScript: no other layer, no Node built-ins, no packages.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'application-knows-no-delivery',
      severity: 'error',
      from: { path: '^src/application/' },
      to: { path: '^src/(web|api)/' },
    },
    {
      name: 'api-knows-no-pages',
      comment: 'src/api answers machines: it uses no page, template, form or web plugin. What both kinds of request use lives below both (domain, application) or in api/ itself when it answers in the API\'s form (api/api-error.ts, api/input-refusal.ts), which the app-wide plugins in web/plugins use for an API request.',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'infrastructure-knows-no-use-cases',
      severity: 'error',
      from: { path: '^src/infrastructure/' },
      to: { path: '^src/(application|web|api)/' },
    },
    {
      name: 'drawings-draw-only',
      comment: 'src/web/drawings (the family diagram and the chronology timeline) turns plain data into SVG: it may use the domain and its own drawings, no use case, database, page, plugin or API.',
      severity: 'error',
      from: { path: '^src/web/drawings/' },
      to: { path: '^src/', pathNot: '^src/(domain|web/drawings)/' },
    },
    {
      name: 'synthetic-is-pure',
      comment: 'src/synthetic generates plain rows from a seed: it may use the domain, nothing else.',
      severity: 'error',
      from: { path: '^src/synthetic/' },
      to: { pathNot: '^src/(synthetic|domain)/' },
    },
    {
      name: 'one-way-to-change-a-case',
      comment:
        'Cases are locked, their access decided and their profile versions written only by the one way to change a case (application/cases/change-case.ts) and its form for many entries at once (application/chronology/record-batch.ts); re-evaluating every profile after a catalogue change is the service\'s own writer. A use case that changes a case goes through changeCase.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/application/(cases/change-case|chronology/record-batch|profile/reevaluate-profiles)\\.ts$' },
      to: { path: '^src/application/(cases/lock-cases-for-change|profile/profile-versions)\\.ts$' },
    },
    {
      name: 'routes-write-no-audit',
      comment: 'Pages and API routes never write audit entries (nor decide refusals): the use cases do, in their own transaction.',
      severity: 'error',
      from: { path: '^src/(web|api)/' },
      to: { path: '^src/(application/audit\\.ts|infrastructure/audit/)' },
    },
    {
      name: 'delivery-reaches-the-database-through-use-cases',
      comment: 'Pages and API routes never hold the database: no query builder, driver or schema, no transaction, no raw SQL. They call a use case in src/application, which opens the transaction (issue 12). test/architecture/routes-stay-thin.test.ts checks the same from the other side (ctx.db, transactions, SQL).',
      severity: 'error',
      from: { path: '^src/(web|api)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(src/infrastructure/db/|node_modules/(@types/)?(kysely|pg|@electric-sql/pglite)/)' },
    },
    {
      name: 'metrics-behind-their-interface',
      comment: 'The use cases, pages and API report through ctx.metrics (application/metrics.ts); only src/infrastructure/metrics knows prom-client.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/infrastructure/metrics/' },
      to: { path: '^node_modules/prom-client/' },
    },
    {
      name: 'tracing-sdk-in-one-place',
      comment: 'Spans are made through @opentelemetry/api alone (a no-op when tracing is off); the SDK, exporters and instrumentations are loaded only by src/infrastructure/tracing, and only when tracing starts.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/infrastructure/tracing/' },
      to: { path: '^node_modules/(@opentelemetry/(sdk-|exporter-|instrumentation|resources)|@fastify/otel)' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
