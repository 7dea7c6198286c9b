import type { ServiceContext } from '../context.ts';
import { DEFAULT_HEALTH_SETTINGS, type HealthSettings, type HealthSettingsInput } from './types.ts';

/** The settings a doctor run and its repairs use: the defaults, the service's base domain and export folder, then the run's own. */
export function healthSettings(ctx: ServiceContext, overrides: HealthSettingsInput = {}): HealthSettings {
  const { warnAt, ...rest } = overrides;
  return {
    ...DEFAULT_HEALTH_SETTINGS,
    baseDomain: ctx.settings.baseDomain,
    ...(ctx.settings.exportDir ? { exportDir: ctx.settings.exportDir } : {}),
    ...rest,
    warnAt: { ...warnAt },
  };
}
