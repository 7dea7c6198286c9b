import { SEVERITIES, listEventsInput } from '@tenantry/sdk';
import { z } from 'zod';
import { numbersIn, type RouteSpec } from '../route.ts';

const TAG = 'Platform';

/** Across tenants: the audit trail, lifecycle events, tenant migrations, the doctor. */
export const PLATFORM_ROUTES: RouteSpec[] = [
  {
    method: 'GET',
    path: '/v1/audit',
    summary: 'The audit trail, newest first, filtered by tenant, action (a prefix such as invitation.*), time or correlation id.',
    tag: TAG,
    query: z.object({
      tenant: z.string().optional(),
      action: z.string().optional(),
      since: z.string().optional(),
      until: z.string().optional(),
      correlationId: z.uuid().optional(),
      limit: z.int().min(1).max(10_000).optional(),
    }),
    run: (client, call) => client.audit.list(numbersIn(call.query, 'limit')),
  },
  {
    method: 'GET',
    path: '/v1/events',
    summary: 'Lifecycle events in order, after a cursor: pass the answer’s nextCursor as since for the next page.',
    tag: TAG,
    query: listEventsInput,
    run: (client, call) => client.events.list(numbersIn(call.query, 'limit')),
  },
  {
    method: 'GET',
    path: '/v1/migrations',
    summary: 'Which tenants are behind the blueprint’s tenant migrations, and which drifted.',
    tag: TAG,
    run: (client) => client.migrations.status(),
  },
  {
    method: 'GET',
    path: '/v1/doctor',
    summary: 'Runs the health checks and answers the findings (one tenant with slug).',
    tag: TAG,
    query: z.object({ slug: z.string().optional(), minSeverity: z.enum(SEVERITIES).optional() }),
    run: (client, call) => client.health.check(call.query),
  },
];
