import { p } from '@mikro-orm/core';
import { uuidv7 } from './ids.ts';

export const CONTROL_PLANE_SCHEMA = 'tenantry';

/** The id every control-plane entity has: a UUIDv7 made in the application. */
export const idProperty = () =>
  p
    .uuid()
    .primary()
    .onCreate(() => uuidv7());

export const createdAtProperty = () => p.datetime().onCreate(() => new Date());

export const timestampProperties = () => ({
  createdAt: createdAtProperty(),
  updatedAt: p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date()),
});
