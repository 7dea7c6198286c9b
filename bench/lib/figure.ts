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

export type AddFigure = (figure: Omit<Figure, 'database' | 'ratio'>) => void;

/** Collects one target's figures, each with its ratio to the floor, logging each as it is added. */
export function figureCollector(database: Figure['database'], log: (line: string) => void): { figures: Figure[]; add: AddFigure } {
  const figures: Figure[] = [];
  const add: AddFigure = (figure) => {
    const ratio = figure.unit === 'tenants/s' ? figure.floor / figure.tenantry : figure.tenantry / figure.floor;
    const done: Figure = { ...figure, database, ratio: Math.round(ratio * 100) / 100 };
    figures.push(done);
    log(`  ${done.figure}: ${format(done.tenantry, done.unit)} (floor ${format(done.floor, done.unit)}, ×${done.ratio})`);
  };
  return { figures, add };
}

export function format(value: number, unit: Figure['unit']): string {
  if (unit === 'tenants/s') return `${value.toFixed(0)}/s`;
  if (unit === 's') return `${value.toFixed(1)} s`;
  return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
}
