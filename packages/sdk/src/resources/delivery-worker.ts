import type { AttemptReportDto, DeliveryRunDto } from '../dto/webhooks.ts';

export interface DeliverCallOptions {
  /** Only this subscription's deliveries. */
  endpoint?: string;
  /** Told of every attempt as it is settled. */
  onAttempt?: (attempt: AttemptReportDto) => void;
  /** Stops the run after the attempts in flight. */
  signal?: AbortSignal;
}

export interface DeliveryWorkerOptions {
  /** Pause between runs; default 1000 ms. */
  intervalMs?: number;
  endpoint?: string;
  onAttempt?: (attempt: AttemptReportDto) => void;
  /** A run that failed (the database went away): the worker goes on with the next. Default: ignored. */
  onError?: (error: unknown) => void;
}

/** Runs deliveries one after another until stopped; `stop()` lets the run in progress finish its attempts. */
export class DeliveryWorker {
  readonly #stopped: Promise<void>;
  readonly #abort = new AbortController();
  #stopping = false;
  #wake: () => void = () => undefined;

  constructor(deliver: (options: DeliverCallOptions) => Promise<DeliveryRunDto>, options: DeliveryWorkerOptions) {
    const call: DeliverCallOptions = {
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.onAttempt ? { onAttempt: options.onAttempt } : {}),
    };
    this.#stopped = (async () => {
      while (!this.#stopping) {
        try {
          await deliver(call);
        } catch (error) {
          options.onError?.(error);
        }
        if (this.#stopping) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.intervalMs ?? 1000);
          this.#wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    })();
  }

  /** Settles when the worker has stopped. */
  get finished(): Promise<void> {
    return this.#stopped;
  }

  /** Stops once the attempts in flight are settled (none is cut off; what is still due waits for the next deliverer). */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#abort.abort();
    this.#wake();
    await this.#stopped;
  }
}
