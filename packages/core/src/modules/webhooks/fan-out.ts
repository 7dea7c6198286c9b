import type { SqlEntityManager } from '@mikro-orm/sql';
import { endpointTypes } from './endpoint-filter.ts';
import type { WebhookEndpointRow } from './webhook-endpoints.ts';

/**
 * Queues a delivery of every event an enabled endpoint takes since its cursor, and moves the cursor, in
 * one transaction per run. Event ids follow commit order (migration 0011), so an event committed later
 * never has an id below the cursor: nothing is skipped, and a crash here leaves the cursor where it was.
 * Endpoints another process is fanning out right now are skipped (it moves their cursor).
 */
export async function fanOut(em: SqlEntityManager, now: Date, endpointId?: string): Promise<number> {
  return em.fork().transactional(async (tx) => {
    const [{ head }] = (await tx.execute<{ head: string }[]>('select coalesce(max(id), 0)::text as head from tenantry.events')) as [{ head: string }];
    const endpoints = await tx.execute<Pick<WebhookEndpointRow, 'id' | 'event_types' | 'tenant_id' | 'cursor'>[]>(
      `select id, event_types, tenant_id, cursor::text as cursor from tenantry.webhook_endpoints
        where status = 'enabled' and cursor < ?${endpointId ? ' and id = ?' : ''}
        for update skip locked`,
      [head, ...(endpointId ? [endpointId] : [])],
    );
    let queued = 0;
    for (const endpoint of endpoints) {
      const inserted = await tx.execute<{ id: string }[]>(
        `insert into tenantry.webhook_deliveries (endpoint_id, event_id, ordering_key, status, next_attempt_at, created_at)
         select ?, e.id, coalesce(e.tenant_id::text, ''), 'pending', ?, ?
           from tenantry.events e
          where e.id > ? and e.id <= ? and e.type in (?)${endpoint.tenant_id ? ' and e.tenant_id = ?' : ''}
          order by e.id
         returning id`,
        [endpoint.id, now, now, endpoint.cursor, head, endpointTypes(endpoint), ...(endpoint.tenant_id ? [endpoint.tenant_id] : [])],
      );
      queued += inserted.length;
      await tx.execute('update tenantry.webhook_endpoints set cursor = ? where id = ?', [head, endpoint.id]);
    }
    return queued;
  });
}
