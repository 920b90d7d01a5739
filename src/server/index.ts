/** The HTTP API and dashboard server. */
export { createApp, DEFAULT_MAX_BODY_BYTES, type AppOptions } from './app.js';
export { listen, isLoopback, type RunningServer } from './listen.js';
export { openApiDocument } from './openapi.js';
