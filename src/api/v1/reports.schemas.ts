// API schemas for the partnership's reports (GET /api/v1/reports/cin-census): JSON Schema (TypeBox)
// that validates the query, types the handler and is published in OpenAPI; every test run checks each
// JSON reply against them. The CSV answer is the census's file: its columns are listed here too.
import { Type } from 'typebox';
import { ABUSE_CATEGORIES } from '../../domain/meetings/meeting.types.ts';
import { CIN_CENSUS_COLUMNS } from '../../domain/reports/cin-census-return.ts';
import { REFERRAL_SOURCE_CODES } from '../../domain/chronology/referral-source.ts';
import { oneOf } from './schemas.ts';

const day = (description: string) => Type.String({ format: 'date', description });
const category = oneOf(ABUSE_CATEGORIES, { description: 'NEG neglect, PHY physical, SAB sexual, EMO emotional, MUL multiple' });

export const PeriodQuery = Type.Object(
  {
    from: Type.String({ maxLength: 10, description: 'YYYY-MM-DD in 1900 or later, the first day included' }),
    to: Type.String({ maxLength: 10, description: 'YYYY-MM-DD in 1900 or later, the last day included, on or after from (400 invalid-period otherwise)' }),
  },
  { additionalProperties: false },
);

export const CinCensusReturn = Type.Object(
  {
    from: day('The first day of the period'),
    to: day('The last day of the period'),
    columns: Type.Array(Type.String(), { description: `The census's column names the CSV answer uses, in order: ${CIN_CENSUS_COLUMNS.join(', ')}` }),
    rows: Type.Array(
      Type.Object({
        LAchildID: Type.String({ description: 'The case id' }),
        CINreferralDate: Type.Union([day('The latest referral children’s social care recorded on or before the assessment'), Type.Null()]),
        ReferralSource: Type.Union([oneOf(REFERRAL_SOURCE_CODES), Type.Null()], {
          description:
            'Who referred, in the census’s codes: the source chosen on children’s social care’s referral, else on the referring agency’s, else the referring agency’s kind’s where it names one; null when not recorded (an empty cell in the CSV: choose one on the referral before sending the return)',
        }),
        AssessmentAuthorisationDate: day('The day the assessment by children’s social care was completed'),
        AssessmentFactors: Type.Array(Type.String(), { description: 'Census factor codes (1B, 4C, 16A …; 21 only alone), from the profile as it stood at the end of the day the assessment was completed' }),
        factorsToConfirm: Type.Array(Type.String(), { description: 'Codes only the assessing social worker can confirm: never in the CSV' }),
        CPPstartDate: Type.Union([day('The conference that started the child protection plan'), Type.Null()]),
        CPPendDate: Type.Union([day('The conference that ended it'), Type.Null()]),
        InitialCategoryOfAbuse: Type.Union([category, Type.Null()]),
        LatestCategoryOfAbuse: Type.Union([category, Type.Null()]),
      }),
      { description: 'One for each assessment completed in the period, by case then day' },
    ),
  },
  { description: 'The Children in Need census return for the period, over the cases the caller’s organisation works on' },
);

export const CinCensusCsv = Type.String({ description: `RFC 4180 with a byte order mark; the header row is ${CIN_CENSUS_COLUMNS.join(',')}; AssessmentFactors comma separated in one quoted cell; no cell starts with = + - or @` });
