import { useEffect, useState } from 'react';
import { useWindowSize } from 'ink';
import type { TenantryClient } from '@tenantry/sdk';
import type { IO } from '../cli/command.ts';
import { App } from './App.tsx';
import { ClientContext } from './client-context.ts';
import { Opening, openConsoleScreen, type ConsoleScreen } from './console-screen.tsx';

export interface ConsoleOptions {
  /** Opens the client: called once the first frame is drawn, so the database never delays it. */
  openClient: () => Promise<TenantryClient>;
  readonly: boolean;
  io: IO;
  /** The screen already showing the first frame; opened here when absent. */
  screen?: ConsoleScreen;
}

function ConsoleRoot({ open, readonly }: { open: () => Promise<TenantryClient>; readonly: boolean }) {
  const { columns, rows } = useWindowSize();
  const [opened, setOpened] = useState<TenantryClient | null>(null);
  useEffect(() => {
    let current = true;
    // Effects run after the first frame is on screen: only then does the database start opening.
    open().then(
      (value) => current && setOpened(value),
      () => undefined, // runConsole reports the failure and exits with its code
    );
    return () => {
      current = false;
    };
  }, [open]);
  if (!opened) return <Opening />;
  return (
    <ClientContext.Provider value={opened}>
      <App readonly={readonly} columns={columns} rows={rows} />
    </ClientContext.Provider>
  );
}

/** Runs the console on the alternate screen until the operator quits; the terminal is restored on any exit. */
export async function runConsole({ openClient, readonly, io, screen = openConsoleScreen(io) }: ConsoleOptions): Promise<void> {
  let failure: Error | undefined;
  const open = () => {
    const client = openClient();
    client.catch((error: unknown) => {
      failure = error instanceof Error ? error : new Error(String(error));
      screen.close();
    });
    return client;
  };
  const instance = screen.instance;
  instance.rerender(<ConsoleRoot open={open} readonly={readonly} />);
  const stop = () => instance.unmount();
  process.once('SIGTERM', stop);
  try {
    await instance.waitUntilExit();
    if (failure) throw failure;
  } finally {
    process.removeListener('SIGTERM', stop);
  }
}
