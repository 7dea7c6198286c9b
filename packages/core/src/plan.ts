/** One step of a plan: what applying will do, in words, and the SQL where it matters. */
export interface PlanStep {
  action: string;
  description: string;
  sql?: string[];
}
