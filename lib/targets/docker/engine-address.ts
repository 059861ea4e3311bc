import { Token } from 'cdktf';

/**
 * Ports an address without one is dialled on: Docker's documented default for `tcp://` (2375; dockerd's
 * ParseTCPAddr, checked 2026-12; an engine with TLS listens on 2376 and must then be given with its port),
 * ssh's 22, and HTTP's 80 and 443.
 */
const DEFAULT_PORTS: Record<string, string> = { tcp: '2375', ssh: '22', http: '80', https: '443' };
/** The socket `unix://` with an empty path means (Docker's default unix socket). */
const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
const ADDRESS = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/s;
// [user@]host[:port]; the host may be a bracketed IPv6 address.
const AUTHORITY = /^(?:([^@]*)@)?(\[[^\]]*\]|[^:]*)(?::(\d*))?$/;

/**
 * One spelling per Docker engine address, so the same engine written two ways is recognised as one:
 * scheme and host in lower case (DNS names and schemes are case-insensitive; an ssh user name is
 * not, and is kept), the default port made explicit, trailing slashes dropped, `unix://` read as the
 * default socket and repeated slashes in a socket path collapsed. A relative socket path
 * (`unix://var/run/docker.sock`) is relative to Terraform's working directory, so it stays distinct.
 * Unresolved tokens and strings that are no address are returned as given. Pure: compare with it,
 * but hand the provider the address as the user wrote it.
 */
export function normaliseEngineAddress(address: string): string {
  if (typeof address !== 'string' || Token.isUnresolved(address)) return address;
  const m = ADDRESS.exec(address);
  if (!m) return address;
  const scheme = m[1].toLowerCase();
  const rest = m[2];
  if (scheme === 'unix') {
    const path = rest === '' ? DEFAULT_UNIX_SOCKET : rest.replace(/\/{2,}/g, '/').replace(/(.)\/+$/, '$1');
    return `unix://${path}`;
  }
  if (scheme === 'npipe') {
    // Windows pipe names are case-insensitive; the leading '//./pipe/' keeps its slashes.
    return `npipe://${rest.toLowerCase().replace(/\/+$/, '')}`;
  }
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const path = (slash < 0 ? '' : rest.slice(slash)).replace(/\/+$/, '');
  const a = AUTHORITY.exec(authority);
  if (!a || a[2] === '') return `${scheme}://${rest}`;
  const user = a[1] === undefined ? '' : `${a[1]}@`;
  const port = a[3] || DEFAULT_PORTS[scheme];
  return `${scheme}://${user}${a[2].toLowerCase()}${port ? `:${port}` : ''}${path}`;
}
