// API schemas for GET /api/v1/dashboards/{name} (issue 16): JSON Schema (TypeBox) that validates the
// request, types the handler and is published in OpenAPI; every test run checks each reply against them.
import { Type } from 'typebox';
import { COMPLETENESS_BAND_IDS } from '../../domain/dashboards/completeness.ts';
import { DASHBOARD_NAMES } from '../../domain/dashboards/dashboard-access.ts';
import { MEASURE_IDS } from '../../domain/dashboards/measures.ts';
import { STAGE_IDS } from '../../domain/dashboards/stage.ts';
import { alternativesInWords, oneOf } from './schemas.ts';

const counts = (keys: readonly string[], description: string) =>
  Type.Object(Object.fromEntries(keys.map((key) => [key, Type.Integer({ minimum: 0 })])), { additionalProperties: false, description });

const Measures = counts(MEASURE_IDS, 'Cases counted by each measure (a case counts for every measure it meets)');
const Stages = counts(STAGE_IDS, 'Cases by the baby’s stage');

const breakdownRow = {
  id: Type.String(),
  name: Type.String(),
  total: Type.Integer({ minimum: 0, description: 'Cases counted in this row' }),
  measures: Measures,
};
const Breakdown = Type.Object(breakdownRow, { additionalProperties: false });
const TeamBreakdown = Type.Object(
  {
    ...breakdownRow,
    organisationId: Type.String({ description: 'The organisation the team belongs to' }),
    organisationName: Type.String(),
  },
  { additionalProperties: false },
);

export const DashboardParams = Type.Object(
  { name: oneOf(DASHBOARD_NAMES, { description: `Which dashboard: ${alternativesInWords(DASHBOARD_NAMES)}` }) },
  { additionalProperties: false },
);

export const Dashboard = Type.Object(
  {
    name: oneOf(DASHBOARD_NAMES),
    today: Type.String({ description: 'The service’s day the counts were made on, YYYY-MM-DD' }),
    dashboards: Type.Array(oneOf(DASHBOARD_NAMES), { description: 'Every dashboard the caller may see' }),
    total: Type.Integer({ minimum: 0, description: 'Cases counted' }),
    openable: Type.Integer({ minimum: 0, description: 'Of those, the cases the caller may open; the rest are counts only' }),
    levels: Type.Array(Type.Object({ level: Type.String(), total: Type.Integer({ minimum: 0 }), stages: Stages }, { additionalProperties: false }), { description: 'Cases by level of support (from universal) and stage' }),
    stages: Stages,
    completeness: counts(COMPLETENESS_BAND_IDS, 'Profiles by how far their risk factors are assessed by hand'),
    measures: Measures,
    organisations: Type.Array(Breakdown, { description: 'By organisation in the team, by name: a case counts for each' }),
    practitioners: Type.Array(Breakdown, { description: 'By practitioner of the caller’s organisation in the team, by name: a case counts for each' }),
    teams: Type.Array(TeamBreakdown, {
      description:
        'By team within an organisation, by organisation’s name then team’s: a case counts once in the team of each person in the team around the family, as their team is today (someone who moves team counts in the new one from then on), and in none for a person in no team. The organisation dashboard counts its own people’s teams and lists each of its teams in use, with no case too; the partnership dashboard counts every organisation’s teams that have a case',
    }),
    trend: Type.Array(
      Type.Object(
        {
          month: Type.String({ description: 'YYYY-MM' }),
          opened: Type.Integer({ minimum: 0 }),
          serious: Type.Integer({ minimum: 0, description: 'Of those opened that month, the cases with a high or critical finding now' }),
        },
        { additionalProperties: false },
      ),
      { description: 'The last twelve months, oldest first' },
    ),
  },
  { additionalProperties: false },
);
