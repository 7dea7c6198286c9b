export type TemplateInfo = { kind: 'embedded'; templateHome: string } | { kind: 'server'; adminUrl: string; templateName: string; runId: string };

declare module 'vitest' {
  export interface ProvidedContext {
    tenantryTemplate: TemplateInfo;
  }
}
