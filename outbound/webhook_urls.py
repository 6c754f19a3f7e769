"""Which URLs an outgoing webhook may be sent to, and to which address (server-side request forgery).

An admin types the URL, and the server then POSTs to it from inside the network: without rules that is
a way to reach the cloud's metadata service, the database or an internal admin page. So:

- https only (RFC 9110 section 4.2.2); plain http only to a loopback address, and only when the
  deployment allows loopback (``[webhooks_out] allow_loopback``, for a receiver on the same host);
- no user:password in the URL (RFC 3986 section 3.2.1: deprecated, and it would be a secret in clear);
- every address the name resolves to is checked, and the request is then made to that checked address
  (``Target``), so a name that resolves differently a second time (DNS rebinding) cannot slip through;
- link-local addresses (169.254.0.0/16, fe80::/10: where cloud metadata services live, RFC 3927) and
  unspecified, multicast and reserved ones are never allowed; loopback only with ``allow_loopback``;
  private ones (RFC 1918, RFC 6598 shared space, RFC 4193 unique local) only with ``allow_private``.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

# RFC 6598 shared address space (carrier-grade NAT): not "private" to the ipaddress module, still internal.
_SHARED = ipaddress.ip_network("100.64.0.0/10")
MAX_URL_LENGTH = 2000


class UrlRefused(ValueError):
    """The URL or the address it resolves to is not allowed; the message says why (no secrets in it).
    ``transient`` when trying later may help (the name does not resolve now)."""

    def __init__(self, reason: str, *, transient: bool = False) -> None:
        super().__init__(reason)
        self.transient = transient


@dataclass(frozen=True, slots=True)
class UrlPolicy:
    allow_loopback: bool = False
    allow_private: bool = False


@dataclass(frozen=True, slots=True)
class Target:
    """Where to connect: the checked address, and the name for the Host header and TLS (SNI)."""

    url: str  # the URL with the address in place of the name
    host: str  # the Host header: the name as written, with its port
    server_name: str  # the name the TLS certificate must carry (SNI, RFC 6066 section 3)
    address: str
    scheme: str


def _host_header(parts: SplitResult) -> str:
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{parts.port}" if parts.port else host


def check_url(url: str, policy: UrlPolicy) -> SplitResult:
    """The URL's parts when its form is allowed (addresses are checked by ``resolve``)."""
    url = url.strip()
    if not url or len(url) > MAX_URL_LENGTH:
        raise UrlRefused("the URL is empty or too long")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UrlRefused("the URL cannot be read") from exc
    if parts.scheme not in ("https", "http"):
        raise UrlRefused("only https:// URLs are allowed")
    if not parts.hostname:
        raise UrlRefused("the URL has no host")
    if parts.username is not None or parts.password is not None:
        raise UrlRefused("the URL must not carry a user name or password")
    if parts.fragment:
        raise UrlRefused("the URL must not have a #fragment")
    if port == 0:
        raise UrlRefused("the URL's port is not valid")
    if parts.scheme == "http":
        literal = literal_address(parts.hostname)
        loopback = parts.hostname == "localhost" or (literal is not None and literal.is_loopback)
        if not (policy.allow_loopback and loopback):
            raise UrlRefused("only https:// URLs are allowed (http only to this host, when the deployment allows it)")
    return parts


def literal_address(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def check_address(address: IPAddress, policy: UrlPolicy) -> None:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:169.254.169.254 is 169.254.169.254
    if address.is_link_local:
        raise UrlRefused("the host is a link-local address (where cloud metadata services are)")
    if address.is_unspecified or address.is_multicast or address.is_reserved:
        raise UrlRefused("the host is not a routable address")
    if address.is_loopback:
        if not policy.allow_loopback:
            raise UrlRefused("the host is this machine (loopback), which the deployment does not allow")
        return
    if (address.is_private or address in _SHARED) and not policy.allow_private:
        raise UrlRefused("the host is a private address, which the deployment does not allow")
    if not address.is_global and not policy.allow_private:
        raise UrlRefused("the host is not a public address")


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def resolve(url: str, policy: UrlPolicy, resolver: Resolver = system_resolver) -> Target:
    """The checked address to connect to for ``url``; ``UrlRefused`` when any address is not allowed
    (a name with one public and one internal address is refused: which one is used is not ours to pick)."""
    parts = check_url(url, policy)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    literal = literal_address(host)
    if literal is not None:
        addresses = [str(literal)]
    else:
        try:
            addresses = resolver(host, port)
        except OSError as exc:
            raise UrlRefused("the host name does not resolve", transient=True) from exc
        if not addresses:
            raise UrlRefused("the host name does not resolve", transient=True)
    for address in addresses:
        check_address(ipaddress.ip_address(address.split("%", 1)[0]), policy)
    chosen = addresses[0]
    netloc = f"[{chosen}]" if ":" in chosen else chosen
    if parts.port:
        netloc += f":{parts.port}"
    pinned = parts._replace(netloc=netloc).geturl()
    return Target(url=pinned, host=_host_header(parts), server_name=host, address=chosen, scheme=parts.scheme)


def display(url: str) -> str:
    """The URL as pages and logs may show it: scheme and host only (a Slack URL's path is its secret,
    a query string may carry a token)."""
    try:
        parts = urlsplit(url)
        return f"{parts.scheme}://{_host_header(parts)}/…"
    except ValueError:
        return "(unreadable URL)"
