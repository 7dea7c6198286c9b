#!/usr/bin/env bash
# Lists the tenants whose trial ends within DAYS days (default 7), soonest first, as tab-separated
# slug, days left and owner: the kind of report a billing job mails every morning.
#
#   examples/trials-ending.sh 7
#
# It reads only `--json` output (stdout is data only; errors go to stderr with a documented exit code),
# and pages with --all, so no tenant is left out. TENANTRY names the binary (default: tenantry).
set -euo pipefail
days="${1:-7}"
tenantry="${TENANTRY:-tenantry}"
command -v jq >/dev/null || { echo "trials-ending.sh needs jq (apt-get install jq)" >&2; exit 2; }

$tenantry tenant list --all --status active --json |
  jq -r --argjson days "$days" '.items[] | select(.trialDaysLeft != null and .trialDaysLeft > 0 and .trialDaysLeft <= $days) | [.slug, .trialDaysLeft] | @tsv' |
  sort -t$'\t' -k2,2n |
  while IFS=$'\t' read -r slug left; do
    owner="$($tenantry tenant view "$slug" --json | jq -r '[.owners[].email] | join(",")')"
    printf '%s\t%s\t%s\n' "$slug" "$left" "$owner"
  done
