import type { Target } from './targets.ts';

/** One benchmark figure beside its floor. */
export interface Figure {
  figure: string;
  /** 'none' for start-up figures that open no database. */
  database: Target['name'] | 'none';
  unit: 'ms' | 'tenants/s' | 's';
  tenantry: number;
  floor: number;
  /** How many times the floor's cost Tenantry's is (time ratio; for rates floor rate / Tenantry rate). */
  ratio: number;
  target?: string;
  met?: boolean;
  note?: string;
}
