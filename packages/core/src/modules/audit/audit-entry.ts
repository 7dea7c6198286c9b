/** What a change says about itself: the audit event it writes, and the lifecycle event derived from it. */
export interface AuditEntry {
  action: string;
  tenant?: { id: string; slug: string };
  targetType: string;
  targetId?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}
