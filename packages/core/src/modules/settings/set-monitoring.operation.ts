import { defineOperation } from '../../operations/operation.ts';
import { diffValues } from '../changes/change.ts';
import { MONITORED, PLAN_CATALOG } from '../plans/catalog.ts';
import { setMonitoringInput, type MonitoringThresholds } from './settings.schemas.ts';

/**
 * Sets where the doctor warns for one tenant: the share of each limit in use past which USAGE_NEAR_LIMIT
 * reports it (seed 001's storage 0.8, users 0.9, assets 0.9). null goes back to the plan's default. A
 * doctor run's own --warn-* flags still override both.
 */
export const setMonitoring = defineOperation({
  id: 'tenant.monitoring',
  summary: 'Sets the usage shares past which the doctor warns about a tenant (defaults from its plan).',
  scope: 'tenant',
  input: setMonitoringInput,
  audit: ['tenant.monitoring_changed'],
  async plan({ tenant }, request) {
    const current = (tenant.settings.monitoring ?? {}) as MonitoringThresholds;
    const next: MonitoringThresholds = { ...current };
    for (const resource of MONITORED) {
      const value = request.warnAt[resource];
      if (value === null) delete next[resource];
      else if (value !== undefined) next[resource] = value;
    }
    const plan = PLAN_CATALOG[tenant.plan].warnAt;
    const effective = (thresholds: MonitoringThresholds) => Object.fromEntries(MONITORED.map((resource) => [resource, thresholds[resource] ?? plan[resource]]));
    const changes = diffValues({ warnAt: effective(current) }, { warnAt: effective(next) });
    const data = { monitoring: next };
    if (changes.length === 0 && JSON.stringify(current) === JSON.stringify(next)) return { unchanged: true, steps: [], changes, data };
    const shown = MONITORED.map(
      (resource) => `${resource} ${Math.round(100 * (next[resource] ?? plan[resource]))}%${next[resource] === undefined ? ' (plan)' : ''}`,
    );
    return {
      steps: [{ action: 'set-monitoring', description: `Warn about ${tenant.slug} past ${shown.join(', ')} of its limits` }],
      changes,
      audit: { before: { monitoring: current }, after: { monitoring: next } },
      data,
    };
  },
  async apply({ tenant }, { data }) {
    const { monitoring: _previous, ...settings } = tenant.settings;
    tenant.settings = Object.keys(data.monitoring).length > 0 ? { ...settings, monitoring: data.monitoring } : settings;
  },
});
