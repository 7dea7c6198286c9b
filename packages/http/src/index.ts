export { createServer, DEFAULT_BODY_LIMIT, DEFAULT_REQUEST_TIMEOUT_MS } from './server.ts';
export type { ServerOptions } from './server.ts';
export { API_VERSION, buildOpenApiDocument, openApiDocumentText } from './openapi.ts';
export { apiRoutes } from './routes/index.ts';
export { HTTP_STATUS } from './problem.ts';
export type { Problem } from './problem.ts';
