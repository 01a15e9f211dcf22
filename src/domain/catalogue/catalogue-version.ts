// The version of the factor catalogue and findings. Stored assessments and reports record it, so
// a later catalogue (new factors, new findings) can be told apart; ids are never renamed or reused.
// Version 2 added the findings that come from patterns in the chronology.
// Version 3 added `plan-check-missed`: a check item of the plan that could not be checked twice in a row.
// Version 4 added `discharge-without-plan` (a discharge with a social worker in the team and no
// discharge plan for the stay) and `gp-not-informed` (risk factors the GP has not been told of).
export const CATALOGUE_VERSION = 4;
