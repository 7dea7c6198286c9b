import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN_PATH = fileURLToPath(new URL('../../packages/tui/dist/bin.js', import.meta.url));
