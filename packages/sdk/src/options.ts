import { homedir, hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { isIP } from 'node:net';
import {
  FACES,
  TenantryError,
  normalizeHostname,
  systemDnsResolver,
  type Actor,
  type Blueprint,
  type DatabaseOptions,
  type DataPathOptions,
  type DnsResolver,
  type Face,
  type Mailer,
  type MigrationMode,
} from '@tenantry/core';
import { createLogFileMailer } from './mail/log-file-mailer.ts';
import { DEFAULT_MAIL_FROM, mailLogPath } from './mail/resolve-mailer.ts';
import { createSmtpMailer } from './mail/smtp-mailer.ts';

export interface TenantryOptions {
  /** A PostgreSQL server URL. Without it (and without TENANTRY_DATABASE_URL) the embedded store is used. */
  databaseUrl?: string;
  /** Home of the embedded store. Default: $TENANTRY_HOME, else $XDG_DATA_HOME/tenantry, else ~/.local/share/tenantry. */
  home?: string;
  /**
   * How the embedded store is opened. `shared` (default): through the store's serving process, which
   * every Tenantry process on this home shares (started on first use). `in-process`: PGlite in this
   * process, holding the store for itself (other processes get STORE_LOCKED). Default: $TENANTRY_STORE, else `shared`.
   */
  embeddedStore?: 'shared' | 'in-process';
  /** Seconds the serving process stays up without clients. Default: $TENANTRY_STORE_IDLE_SECONDS, else 300. */
  storeIdleSeconds?: number;
  /** Tenants get `<slug>.<baseDomain>`. Default: $TENANTRY_BASE_DOMAIN. */
  baseDomain?: string;
  /** Who the audit trail names. Default: the platform operator running this process. */
  actor?: Actor;
  /** Which face the audit trail says acted: 'sdk' (default), 'cli', 'console' or 'http'. */
  face?: Face;
  /** Pending control-plane migrations: apply them (default), refuse to start, or ignore them. */
  migrations?: MigrationMode;
  /** Named in the embedded store's lock, so a second process can say who holds it. */
  command?: string;
  /** Create the server's database when it does not exist (`tenantry db init --create`). Default false: a missing database is DATABASE_NOT_FOUND. */
  createDatabase?: boolean;
  /** Maximum server connections. Default 10. */
  poolSize?: number;
  /**
   * The URL `withTenant` logs in with on a server: the application role `tenantry_app` (or a login role
   * that is a member of it and has no more rights). Default: $TENANTRY_DATA_PATH_URL, else the database
   * URL with the user `tenantry_app` and no password (trust, peer or ~/.pgpass authentication).
   */
  dataPathUrl?: string;
  /** Connections of the data path's own pool (server only). Default 5. */
  dataPathPoolSize?: number;
  /** Where defaults are read from. Default: process.env. */
  env?: Record<string, string | undefined>;
  /** The clock used for timestamps and trial arithmetic. */
  now?: () => Date;
  /** Delivers invitation mail. Default: SMTP at smtpUrl ($TENANTRY_SMTP_URL) when set, else the log file `<home>/mail.log`. */
  mailer?: Mailer;
  /** smtp://user:pass@host:587 or smtps://host:465. Default: $TENANTRY_SMTP_URL. */
  smtpUrl?: string;
  /** The From header of mail. Default: $TENANTRY_MAIL_FROM, else "Tenantry <no-reply@tenantry.invalid>". */
  mailFrom?: string;
  /** Looks up DNS TXT records to verify custom domains. Default: the system resolver (node:dns). */
  dnsResolver?: DnsResolver;
  /** DNS servers for that lookup ("10.0.0.2", "127.0.0.1:5353"). Default: $TENANTRY_DNS_SERVERS (comma-separated), else the system's. */
  dnsServers?: string[];
  /**
   * The application's tenant tables: the migrations every tenant data space gets. Default: the module
   * named by $TENANTRY_BLUEPRINT (exporting `blueprint` or a default export: a blueprint, or a function
   * given the sample blueprint that returns one), else the sample blueprint.
   */
  blueprint?: Blueprint;
  /** Where operations that destroy data (repairs, purges) write an export first. Default: `<home>/exports`. */
  exportDir?: string;
}

export interface ResolvedOptions {
  database: DatabaseOptions;
  dataPath: DataPathOptions;
  baseDomain: string | undefined;
  actor: Actor;
  face: Face;
  migrations: MigrationMode;
  now: () => Date;
  mailer: Mailer;
  dnsResolver: DnsResolver | undefined;
  /** The blueprint given, or once loaded (createTenantry) the one from `blueprintModule`. */
  blueprint: Blueprint | undefined;
  /** A module to load the blueprint from ($TENANTRY_BLUEPRINT) when none is given. */
  blueprintModule: string | undefined;
  exportDir: string;
}

export function resolveOptions(options: TenantryOptions = {}): ResolvedOptions {
  const env = options.env ?? process.env;
  const databaseUrl = options.databaseUrl ?? nonEmpty(env.TENANTRY_DATABASE_URL);
  const dataPathUrl = options.dataPathUrl ?? nonEmpty(env.TENANTRY_DATA_PATH_URL);
  const baseDomainInput = options.baseDomain ?? nonEmpty(env.TENANTRY_BASE_DOMAIN);
  const issues = [];
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    issues.push({ path: 'databaseUrl', message: 'must be a URL like postgresql://user@host:5432/database' });
  }
  if (dataPathUrl !== undefined && !/^postgres(ql)?:\/\//.test(dataPathUrl)) {
    issues.push({ path: 'dataPathUrl', message: 'must be a URL like postgresql://tenantry_app:password@host:5432/database (TENANTRY_DATA_PATH_URL)' });
  }
  const baseDomain = baseDomainInput === undefined ? undefined : normalizeHostname(baseDomainInput);
  if (baseDomainInput !== undefined && baseDomain === undefined) {
    issues.push({ path: 'baseDomain', message: 'must be a hostname such as tenants.example.com (TENANTRY_BASE_DOMAIN)' });
  }
  const smtpUrl = options.smtpUrl ?? nonEmpty(env.TENANTRY_SMTP_URL);
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    issues.push({ path: 'smtpUrl', message: 'must be a URL like smtp://user:password@mail.example.com:587 (TENANTRY_SMTP_URL)' });
  }
  const dnsServers =
    options.dnsServers ??
    nonEmpty(env.TENANTRY_DNS_SERVERS)
      ?.split(',')
      .map((server) => server.trim())
      .filter(Boolean) ??
    [];
  if (dnsServers.some((server) => !isDnsServer(server))) {
    issues.push({ path: 'dnsServers', message: 'must be IP addresses, optionally with a port: 10.0.0.2, 127.0.0.1:5353, [::1]:53 (TENANTRY_DNS_SERVERS)' });
  }
  const embeddedStore = options.embeddedStore ?? nonEmpty(env.TENANTRY_STORE) ?? 'shared';
  if (embeddedStore !== 'shared' && embeddedStore !== 'in-process') {
    issues.push({ path: 'embeddedStore', message: 'must be shared or in-process (TENANTRY_STORE)' });
  }
  const idleSeconds =
    options.storeIdleSeconds ?? (nonEmpty(env.TENANTRY_STORE_IDLE_SECONDS) === undefined ? undefined : Number(env.TENANTRY_STORE_IDLE_SECONDS));
  if (idleSeconds !== undefined && !(Number.isFinite(idleSeconds) && idleSeconds > 0)) {
    issues.push({ path: 'storeIdleSeconds', message: 'must be a number of seconds above 0 (TENANTRY_STORE_IDLE_SECONDS)' });
  }
  if (options.face !== undefined && !FACES.includes(options.face)) {
    issues.push({ path: 'face', message: `must be one of: ${FACES.join(', ')}` });
  }
  if (issues.length > 0) throw TenantryError.invalidInput(issues);
  const home = options.home ?? defaultHome(env);
  const database: DatabaseOptions = databaseUrl
    ? {
        kind: 'server',
        url: databaseUrl,
        ...(options.poolSize ? { poolSize: options.poolSize } : {}),
        ...(options.createDatabase ? { createDatabase: true } : {}),
      }
    : {
        kind: 'embedded',
        home,
        command: options.command ?? 'a Tenantry SDK program',
        mode: embeddedStore as 'shared' | 'in-process',
        ...(idleSeconds === undefined ? {} : { idleMs: Math.round(idleSeconds * 1000) }),
      };
  const mailFrom = options.mailFrom ?? nonEmpty(env.TENANTRY_MAIL_FROM) ?? DEFAULT_MAIL_FROM;
  return {
    database,
    dataPath: { ...(dataPathUrl ? { url: dataPathUrl } : {}), ...(options.dataPathPoolSize ? { poolSize: options.dataPathPoolSize } : {}) },
    baseDomain,
    actor: options.actor ?? defaultActor(),
    face: options.face ?? 'sdk',
    migrations: options.migrations ?? 'apply',
    now: options.now ?? (() => new Date()),
    mailer: options.mailer ?? (smtpUrl ? createSmtpMailer({ url: smtpUrl, from: mailFrom }) : createLogFileMailer(mailLogPath(home))),
    dnsResolver: options.dnsResolver ?? (dnsServers.length > 0 ? systemDnsResolver(dnsServers) : undefined),
    blueprint: options.blueprint,
    blueprintModule: options.blueprint ? undefined : nonEmpty(env.TENANTRY_BLUEPRINT),
    exportDir: options.exportDir ?? join(home, 'exports'),
  };
}

export function defaultHome(env: Record<string, string | undefined>): string {
  if (nonEmpty(env.TENANTRY_HOME)) return env.TENANTRY_HOME as string;
  const dataHome = nonEmpty(env.XDG_DATA_HOME) ?? join(nonEmpty(env.HOME) ?? homedir(), '.local', 'share');
  return join(dataHome, 'tenantry');
}

function defaultActor(): Actor {
  let user = 'operator';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers): keep the generic name
  }
  return { type: 'operator', label: `${user}@${hostname()}` };
}

function isDnsServer(server: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(server);
  if (bracketed) return isIP(bracketed[1] ?? '') === 6 && (bracketed[2] === undefined || Number(bracketed[2]) <= 65535);
  if (isIP(server) !== 0) return true;
  const [host, port, ...rest] = server.split(':');
  return rest.length === 0 && isIP(host ?? '') === 4 && /^\d{1,5}$/.test(port ?? '') && Number(port) <= 65535;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
