// How an audited action ended: done, failed (a wrong password, a form that could not be saved), or
// refused by the access rules. Every audit entry has one; the audit trail is filtered by it.
export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
