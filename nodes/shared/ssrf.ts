/**
 * n8n's SSRF protection (`N8N_SSRF_PROTECTION_ENABLED`, n8n 2.x): with it on, n8n refuses
 * requests to its blocked ranges (by default loopback and every private range, where most
 * PBXs live) before connecting, with an error of its own (`SsrfBlockedIpError`,
 * `SsrfBlockedHostnameError`). This recognises that error wherever it sits in the chain n8n
 * wraps it in, and says which address was refused and which setting allows it, so a blocked
 * PBX is never reported as an unreachable one.
 */

export interface SsrfBlock {
	/** The refused IP address, when n8n says. */
	ip?: string;
	/** The refused host name: on the deny-list, or the name that resolved to `ip`. */
	hostname?: string;
	/** `ip`: the address is in a blocked range; `hostname`: the name is on the deny-list. */
	reason: 'ip' | 'hostname';
}

const BLOCKED_IP = /request was blocked because it resolves to a restricted IP address/i;
const BLOCKED_HOSTNAME = /request was blocked because the destination hostname is restricted/i;

interface ErrorLike {
	name?: unknown;
	message?: unknown;
	description?: unknown;
	ip?: unknown;
	hostname?: unknown;
	extra?: { ip?: unknown; hostname?: unknown };
	cause?: unknown;
	context?: { cause?: unknown };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The address in n8n's description: "The target 'pbx.lan' (10.0.0.5) is not allowed" or "The target 10.0.0.5 is not allowed". */
function fromDescription(description: string | undefined): Pick<SsrfBlock, 'ip' | 'hostname'> {
	const named = description?.match(/The target '([^']+)' \(([^)]+)\) is not allowed/);
	if (named) return { hostname: named[1], ip: named[2] };
	const bare = description?.match(/The target (\S+) is not allowed/);
	return bare ? { ip: bare[1] } : {};
}

function blockOf(error: ErrorLike): SsrfBlock | undefined {
	const name = text(error.name);
	const message = text(error.message) ?? '';
	const reason =
		name === 'SsrfBlockedIpError' || BLOCKED_IP.test(message)
			? 'ip'
			: name === 'SsrfBlockedHostnameError' || BLOCKED_HOSTNAME.test(message)
				? 'hostname'
				: undefined;
	if (!reason) return undefined;
	const described = fromDescription(text(error.description));
	return {
		reason,
		ip: text(error.ip) ?? text(error.extra?.ip) ?? described.ip,
		hostname: text(error.hostname) ?? text(error.extra?.hostname) ?? described.hostname,
	};
}

/** n8n's SSRF refusal in `error` or anything it wraps (NodeApiError's cause, axios' cause), else undefined. */
export function ssrfBlockOf(error: unknown): SsrfBlock | undefined {
	const seen = new Set<unknown>();
	const queue: unknown[] = [error];
	while (queue.length > 0) {
		const current = queue.shift();
		if (current === null || typeof current !== 'object' || seen.has(current)) continue;
		seen.add(current);
		const candidate = current as ErrorLike;
		const block = blockOf(candidate);
		if (block) return block;
		queue.push(candidate.cause, candidate.context?.cause);
	}
	return undefined;
}

/** The host part of a URL the user typed (brackets of an IPv6 literal removed), for the message. */
export function hostOf(url: string | undefined): string | undefined {
	if (!url) return undefined;
	try {
		return new URL(url).hostname.replace(/^\[|\]$/g, '') || undefined;
	} catch {
		return undefined;
	}
}

/** An allow-list entry for one address: a /32 (IPv4) or /128 (IPv6) range. */
function singleAddressRange(ip: string): string {
	return ip.includes(':') ? `${ip}/128` : `${ip}/32`;
}

const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)$/i;

/**
 * What to tell the user, in the words the connection messages use ("… at <url>: <this>"). For
 * an IP-literal URL n8n consults only N8N_SSRF_ALLOWED_IP_RANGES; for a host name the name can
 * be allowed instead (N8N_SSRF_ALLOWED_HOSTNAMES), which also covers later address changes.
 */
export function ssrfProblem(block: SsrfBlock, url?: string): string {
	const host = block.hostname ?? hostOf(url);
	const byName = host !== undefined && !IP_LITERAL.test(host);
	if (block.reason === 'hostname') {
		const name = host ? `the host name ${host}` : 'the host name';
		return (
			`n8n's SSRF protection blocked the request: ${name} is on N8N_SSRF_BLOCKED_HOSTNAMES. ` +
			'Ask the n8n administrator to remove it from that list or add it to N8N_SSRF_ALLOWED_HOSTNAMES'
		);
	}
	const address = block.ip ?? (byName ? undefined : host);
	const target = address ? (byName ? `${host} (${address})` : address) : (host ?? 'the server');
	const ranges = address
		? `add ${singleAddressRange(address)} (or the PBX network's range) to N8N_SSRF_ALLOWED_IP_RANGES`
		: 'add the PBX network\'s range to N8N_SSRF_ALLOWED_IP_RANGES';
	return (
		`n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED) blocked the request to ${target}, an address in a blocked range. ` +
		`Ask the n8n administrator to ${ranges}${byName ? ` or ${host} to N8N_SSRF_ALLOWED_HOSTNAMES` : ''}`
	);
}
