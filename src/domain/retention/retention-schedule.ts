// The retention schedule (issue 21): how long a case's record is kept, by the kind of record, with
// the source of each default and the shortest period an area may set. An administrator sets the
// periods in the area's settings (domain/settings/service-settings.ts, group "retention"); a period
// shorter than the source allows is refused there. What each rule means: docs/domain.md,
// "Retention and disposal".

export interface RetentionSettings {
  /** Records about a child: kept until this birthday. */
  childRecordUntilAge: number;
  /** Records of a child who was ever at child protection or looked after: kept until this birthday. */
  safeguardingRecordUntilAge: number;
}

export type RetentionRuleId = 'child-record' | 'safeguarding-record';

export interface RetentionRule {
  id: RetentionRuleId;
  label: string;
  /** The shortest period allowed, as a birthday: an area may lengthen it, never shorten it. */
  minimumAge: number;
  defaultAge: number;
  /** Where the minimum and the default come from, as the settings page and the case page say. */
  source: string;
}

export const RETENTION_RULES: Readonly<Record<RetentionRuleId, RetentionRule>> = {
  'child-record': {
    id: 'child-record',
    label: 'Records about a child',
    minimumAge: 25,
    defaultAge: 25,
    source: 'Records Management Code of Practice 2021 (NHS): children’s records are kept until the 25th birthday, or the 26th if the young person was 17 when the record was last added to',
  },
  'safeguarding-record': {
    id: 'safeguarding-record',
    label: 'Records of a child who was at child protection or looked after',
    minimumAge: 75,
    defaultAge: 75,
    source: 'The Care Planning, Placement and Case Review (England) Regulations 2010, regulation 50: a looked-after child’s case record is kept until the 75th anniversary of their birth; the same period is the default for child protection records, which an area may lengthen',
  },
};

/** The oldest age a period may reach. */
export const RETENTION_MAXIMUM_AGE = 120;

/** Where the code of practice keeps a record a year longer: the young person was this old when it was last added to. */
export const LATE_RECORD_AGE = 17;
/** ...and is then kept until this birthday at least. */
export const LATE_RECORD_UNTIL_AGE = 26;

export const DEFAULT_RETENTION_SETTINGS: RetentionSettings = {
  childRecordUntilAge: RETENTION_RULES['child-record'].defaultAge,
  safeguardingRecordUntilAge: RETENTION_RULES['safeguarding-record'].defaultAge,
};

/** The levels of support that make a record a safeguarding record. */
export const SAFEGUARDING_LEVELS: readonly string[] = ['child-protection', 'looked-after'];
