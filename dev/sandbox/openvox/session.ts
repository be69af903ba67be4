/**
 * The session: login with username + MD5 hex of the password + port (5 failures lock the client
 * out for `lockoutMs`, 10 minutes by default; a token lives `tokenIdleMs`, 30 minutes, of
 * inactivity), heartbeat and logout. Every login attempt is recorded, never its password.
 */
import type { OpenVoxContext } from './protocol';
import { answer, failed, formatOf, md5 } from './protocol';
import { now } from './store';

export function sessionRoutes({ state, config, endpoint }: OpenVoxContext): void {
	endpoint(
		'login',
		(req, body) => {
			const username = String(body.username ?? '');
			const record = (ok: boolean, errno?: string) => state.logins.push({ username, ok, errno, format: formatOf(req) });
			if (now(state) < state.lockedUntil) {
				record(false, '20002');
				return failed(req, '20002');
			}
			if (!body.username || !body.password) {
				record(false, '10004');
				return failed(req, '10004');
			}
			if (!body.port || !/^\d+$/.test(String(body.port))) {
				record(false, '20008');
				return failed(req, '20008');
			}
			if (username !== config.username || String(body.password) !== md5(config.password)) {
				state.failedLogins++;
				if (state.failedLogins >= config.lockoutAfter) {
					state.lockedUntil = now(state) + config.lockoutMs;
					state.failedLogins = 0;
				}
				record(false, config.badLoginErrno);
				return failed(req, config.badLoginErrno);
			}
			state.failedLogins = 0;
			const token = md5(`token-${++state.issued}-${now(state)}`);
			state.tokens.set(token, { lastUsed: now(state), username });
			record(true);
			return answer(req, { status: 'Success', token });
		},
		false,
	);

	endpoint('heartbeat', (req) => {
		state.heartbeats++;
		return answer(req, { status: 'Success' });
	});

	endpoint('logout', (req) => {
		state.tokens.delete(req.query.token);
		state.logouts++;
		return answer(req, { status: 'Success' });
	});
}
