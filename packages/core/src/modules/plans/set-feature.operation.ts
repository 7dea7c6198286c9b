import { defineOperation } from '../../operations/operation.ts';
import { diffValues } from '../changes/change.ts';
import { featuresLostStep } from './feature-gates.ts';
import { setFeatureInput } from './plan.schemas.ts';

/** Switches one feature on or off; switching it to what it is is `unchanged`. */
export const setFeature = defineOperation({
  id: 'tenant.feature',
  summary: 'Switches one feature of a tenant on or off.',
  scope: 'tenant',
  input: setFeatureInput,
  audit: ['tenant.feature_changed'],
  async plan(ctx, request) {
    const { tenant } = ctx;
    const features = { ...tenant.features, [request.feature]: request.enabled };
    const changes = diffValues({ features: tenant.features }, { features });
    if (changes.length === 0) return { unchanged: true, steps: [], changes, data: { features } };
    return {
      steps: [
        { action: 'set-feature', description: `Turn ${request.feature} ${request.enabled ? 'on' : 'off'} for ${tenant.slug}` },
        ...(await featuresLostStep(ctx, tenant, features)),
      ],
      changes,
      data: { features },
    };
  },
  async apply({ tenant }, { data }) {
    tenant.features = data.features;
  },
});
