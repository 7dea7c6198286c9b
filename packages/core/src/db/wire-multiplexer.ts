import type { Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** Simple Query and Sync end a unit of work; Flush asks for what is pending without ending it. */
const ENDS_UNIT = new Set(['Q', 'S']);
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

/**
 * Serves several PostgreSQL wire-protocol connections from one PGlite backend. A connection holds the
 * backend from its first message until a Simple Query or Sync leaves no transaction open, so neither
 * an extended-protocol sequence (Parse … Sync, whose unnamed statement and error state belong to one
 * client) nor a transaction ever interleaves with another client's; the others queue in arrival order.
 * (@electric-sql/pglite-socket 0.2 queues single messages, which lets a Parse/Bind/Execute sequence
 * outside BEGIN interleave with another client's, and stops its queue for good after one failure.)
 */
export class WireMultiplexer {
  readonly #pglite: PGlite;
  #holder: Connection | undefined;
  readonly #waiting: { connection: Connection; grant: () => void }[] = [];
  readonly #connections = new Set<Connection>();
  /**
   * PGlite's answer to the first StartupMessage (AuthenticationOk, ParameterStatus…, ReadyForQuery),
   * given to every later client as is: its one backend is started already, and a new client must not
   * wait for another's transaction just to connect.
   */
  startupReply: Uint8Array | undefined;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  get connections(): number {
    return this.#connections.size;
  }

  /** Serves `socket` until it closes; resolves then. */
  serve(socket: Socket): Promise<void> {
    const connection = new Connection(socket, this);
    this.#connections.add(connection);
    return connection.closed.finally(() => this.#connections.delete(connection));
  }

  /** Ends every connection (those mid-transaction are rolled back). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.#connections].map((connection) => connection.end()));
  }

  /** @internal */
  async acquire(connection: Connection): Promise<void> {
    if (this.#holder === undefined || this.#holder === connection) {
      this.#holder = connection;
      return;
    }
    await new Promise<void>((grant) => this.#waiting.push({ connection, grant }));
  }

  /** @internal */
  release(connection: Connection): void {
    if (this.#holder !== connection) return;
    const next = this.#waiting.shift();
    this.#holder = next?.connection;
    next?.grant();
  }

  /** @internal Runs messages on the backend; the caller holds it. */
  async execute(messages: Uint8Array[], onData: (data: Uint8Array) => void): Promise<void> {
    await this.#pglite.runExclusive(async () => {
      for (const message of messages) await this.#pglite.execProtocolRawStream(message, { onRawData: onData });
    });
  }

  /** @internal */
  get inTransaction(): boolean {
    return this.#pglite.isInTransaction();
  }

  /** @internal A client left while holding the backend: end what it left open. */
  async abandon(connection: Connection, midUnit: boolean): Promise<void> {
    const index = this.#waiting.findIndex((waiter) => waiter.connection === connection);
    if (index >= 0) this.#waiting.splice(index, 1);
    if (this.#holder !== connection) return;
    try {
      if (midUnit) await this.execute([SYNC], () => undefined);
      if (this.#pglite.isInTransaction()) await this.#pglite.exec('ROLLBACK');
    } finally {
      this.release(connection);
    }
  }
}

class Connection {
  readonly closed: Promise<void>;
  readonly #socket: Socket;
  readonly #mux: WireMultiplexer;
  #buffer: Buffer = Buffer.alloc(0);
  #started = false;
  /** Messages of the unit being received, not yet run. */
  #unit: Uint8Array[] = [];
  /** A unit has begun running on the backend and not reached its end. */
  #midUnit = false;
  #work: Promise<void> = Promise.resolve();
  #ended = false;

  constructor(socket: Socket, mux: WireMultiplexer) {
    this.#socket = socket;
    this.#mux = mux;
    socket.setNoDelay?.(true);
    this.closed = new Promise((resolve) => {
      socket.on('close', () => {
        this.#work = this.#work.then(() => this.#mux.abandon(this, this.#midUnit || this.#unit.length > 0)).catch(() => undefined);
        void this.#work.then(resolve);
      });
    });
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
      this.#work = this.#work.then(() => this.#drain()).catch(() => this.#fail());
    });
  }

  end(): Promise<void> {
    this.#socket.end();
    this.#socket.destroy();
    return this.closed;
  }

  async #drain(): Promise<void> {
    while (!this.#ended) {
      const message = this.#started ? this.#takeTyped() : this.#takeStartup();
      if (message === undefined) return;
      if (message.kind === 'reply') {
        this.#socket.write(message.bytes);
        continue;
      }
      if (message.kind === 'close') {
        // Not awaiting `closed`: it waits for this very chain of work to finish.
        this.#ended = true;
        this.#socket.end();
        this.#socket.destroy();
        return;
      }
      if (message.kind === 'startup' && this.#mux.startupReply) {
        this.#socket.write(this.#mux.startupReply);
        continue;
      }
      this.#unit.push(message.bytes);
      const type = message.kind === 'startup' ? 'S' : String.fromCharCode(message.bytes[0] ?? 0);
      if (ENDS_UNIT.has(type)) await this.#run(true, message.kind === 'startup');
      else if (type === 'H') await this.#run(false);
    }
  }

  async #run(endsUnit: boolean, isStartup = false): Promise<void> {
    const unit = this.#unit;
    this.#unit = [];
    await this.#mux.acquire(this);
    this.#midUnit = true;
    const replies: Uint8Array[] = [];
    await this.#mux.execute(unit, (data) => {
      if (isStartup) replies.push(data.slice());
      if (data.length > 0 && this.#socket.writable) this.#socket.write(data);
    });
    if (isStartup) this.#mux.startupReply ??= Buffer.concat(replies);
    if (!endsUnit) return;
    this.#midUnit = false;
    if (!this.#mux.inTransaction) this.#mux.release(this);
  }

  #takeStartup(): { kind: 'startup' | 'reply' | 'close'; bytes: Uint8Array } | undefined {
    if (this.#buffer.length < 8) return undefined;
    const length = this.#buffer.readInt32BE(0);
    if (this.#buffer.length < length) return undefined;
    const code = this.#buffer.readInt32BE(4);
    const bytes = this.#take(length);
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) return { kind: 'reply', bytes: Buffer.from('N') };
    if (code === CANCEL_REQUEST || code !== PROTOCOL_3) return { kind: 'close', bytes };
    this.#started = true;
    return { kind: 'startup', bytes };
  }

  #takeTyped(): { kind: 'message' | 'close'; bytes: Uint8Array } | undefined {
    if (this.#buffer.length < 5) return undefined;
    const length = 1 + this.#buffer.readInt32BE(1);
    if (this.#buffer.length < length) return undefined;
    const bytes = this.#take(length);
    // Terminate ends this client only; the backend serves the others.
    return { kind: bytes[0] === 0x58 ? 'close' : 'message', bytes };
  }

  #take(length: number): Uint8Array {
    const bytes = new Uint8Array(this.#buffer.subarray(0, length));
    this.#buffer = this.#buffer.subarray(length);
    return bytes;
  }

  #fail(): void {
    this.#ended = true;
    this.#socket.destroy();
  }
}
