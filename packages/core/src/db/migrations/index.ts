import { controlPlane0001 } from './0001-control-plane.ts';
import { controlPlane0002 } from './0002-access-and-lifecycle.ts';
import { controlPlane0003 } from './0003-data-spaces.ts';
import { controlPlane0004 } from './0004-health.ts';
import { controlPlane0005 } from './0005-operations.ts';
import { controlPlane0006 } from './0006-audit-chain.ts';
import { controlPlane0007 } from './0007-data-path.ts';
import { controlPlane0008 } from './0008-export-key.ts';
import { controlPlane0009 } from './0009-service-tokens.ts';
import { controlPlane0010 } from './0010-idempotency-keys.ts';
import { controlPlane0011 } from './0011-events.ts';
import { controlPlane0012 } from './0012-webhooks.ts';
import { controlPlane0013 } from './0013-sign-in.ts';
import { controlPlane0014 } from './0014-settings-namespace.ts';
import type { ControlPlaneMigration } from './migration.ts';

/** Every control-plane migration, oldest first. Append only; never edit one that has shipped. */
export const CONTROL_PLANE_MIGRATIONS: readonly ControlPlaneMigration[] = [
  controlPlane0001,
  controlPlane0002,
  controlPlane0003,
  controlPlane0004,
  controlPlane0005,
  controlPlane0006,
  controlPlane0007,
  controlPlane0008,
  controlPlane0009,
  controlPlane0010,
  controlPlane0011,
  controlPlane0012,
  controlPlane0013,
  controlPlane0014,
];
