// The version of the factor catalogue and findings. Stored assessments and reports record it, so
// a later catalogue (new factors, new findings) can be told apart; ids are never renamed or reused.
export const CATALOGUE_VERSION = 1;
