import { createSocket } from 'node:dgram';

export interface DnsStub {
  /** 127.0.0.1:<port>, for TENANTRY_DNS_SERVERS. */
  server: string;
  /** TXT records by name (lowercase); each record is its strings. Change it while the stub runs. */
  txt: Map<string, string[][]>;
  close(): Promise<void>;
}

/**
 * A DNS server on UDP that answers TXT questions from a map and NXDOMAIN for anything else, so domain
 * verification is tested end to end without the internet.
 */
export async function startDnsStub(): Promise<DnsStub> {
  const txt = new Map<string, string[][]>();
  const socket = createSocket('udp4');
  socket.on('message', (query, remote) => {
    const response = answer(query, txt);
    if (response) socket.send(response, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    server: `127.0.0.1:${socket.address().port}`,
    txt,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

function answer(query: Buffer, txt: Map<string, string[][]>): Buffer | undefined {
  if (query.length < 17) return undefined;
  let offset = 12;
  const labels: string[] = [];
  while (offset < query.length && query[offset] !== 0) {
    const length = query[offset] ?? 0;
    labels.push(query.subarray(offset + 1, offset + 1 + length).toString('ascii'));
    offset += 1 + length;
  }
  const questionEnd = offset + 5;
  const type = query.readUInt16BE(offset + 1);
  const records = type === 16 ? txt.get(labels.join('.').toLowerCase()) : undefined;
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  header.writeUInt16BE(0x8400 | (query.readUInt16BE(2) & 0x0100) | 0x0080 | (records ? 0 : 3), 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(records?.length ?? 0, 6);
  const answers = (records ?? []).map((strings) => {
    const data = Buffer.concat(strings.map((text) => Buffer.concat([Buffer.from([Buffer.byteLength(text)]), Buffer.from(text)])));
    const fixed = Buffer.alloc(12);
    fixed.writeUInt16BE(0xc00c, 0);
    fixed.writeUInt16BE(16, 2);
    fixed.writeUInt16BE(1, 4);
    fixed.writeUInt32BE(60, 6);
    fixed.writeUInt16BE(data.length, 10);
    return Buffer.concat([fixed, data]);
  });
  return Buffer.concat([header, query.subarray(12, questionEnd), ...answers]);
}
