import { createContext, useContext } from 'react';
import type { TenantryClient } from '@tenantry/sdk';

export const ClientContext = createContext<TenantryClient | null>(null);

export function useClient(): TenantryClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() outside <ClientContext.Provider>');
  return client;
}
