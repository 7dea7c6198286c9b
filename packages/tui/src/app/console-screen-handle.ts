import type { Instance } from 'ink';

/** The console's terminal screen: Ink on the alternate screen, drawn before the database opens. */
export interface ConsoleScreen {
  instance: Instance;
  /** Leaves the alternate screen and restores the terminal. */
  close(): void;
}
