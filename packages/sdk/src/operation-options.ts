/** What every change takes besides its input. */
export interface OperationOptions {
  /** Returns the plan (with its fingerprint) and writes nothing. */
  dryRun?: boolean;
  /**
   * Applies only if the plan still has this fingerprint (the one a dry run returned and the operator saw);
   * otherwise PLAN_STALE (error details carry the new plan) and nothing is written.
   */
  expectFingerprint?: string;
}
