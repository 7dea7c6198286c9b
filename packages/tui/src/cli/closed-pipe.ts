import type { Writable } from 'node:stream';

/**
 * `tenantry db status | head -1`: once the reader is gone a write fails with EPIPE, which Node raises
 * as an unhandled 'error' event (a stack trace and exit 1). A closed output is not a failure of the
 * command: the rest of the output is dropped, the command finishes (its database closed as usual)
 * and nothing is printed about it. Any other stream error is still raised.
 */
export function dropOutputWhenReaderCloses(stream: Writable): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}
