import { SEVERITIES, type Finding } from './types.ts';

/** "2 error, 1 warn (NO_PRIMARY_DOMAIN, USAGE_NEAR_LIMIT)": what a set of findings amounts to, in one line. */
export function toDoctorSummary(findings: readonly Finding[]): string {
  const counts = [...SEVERITIES].reverse().flatMap((severity) => {
    const count = findings.filter((finding) => finding.severity === severity).length;
    return count > 0 ? [`${count} ${severity}`] : [];
  });
  const codes = [...new Set(findings.map((finding) => finding.code))].sort();
  return `${counts.join(', ')} (${codes.join(', ')})`;
}
