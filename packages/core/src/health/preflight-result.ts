/** One line of the pre-deploy check: it passes, fails, or passes marked with something to know. */
export interface PreflightResult {
  name: string;
  ok: boolean;
  /** Passes, but says something an operator should know (the line is marked, not failed). */
  warning?: boolean;
  detail: string;
}
