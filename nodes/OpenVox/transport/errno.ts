/**
 * OpenVox answers HTTP 200 for every request; failures are `{"status":"Failed","errno":"…"}`.
 * OpenVox publishes no errno table. Its API is a copy of the Yeastar S-Series v1.1.0 API, so
 * this is Yeastar's v1.1.0 table (S-Series English page; S1000 zh page for 20006 and above),
 * the closest published equivalent. Unknown codes are shown verbatim.
 */
export const ERRNO_MESSAGES: Record<string, string> = {
	'10002': 'Unsupported XML data packet format',
	'10003': 'Unsupported API request',
	'10004': 'A required parameter is blank',
	'10005': 'Call ID does not exist',
	'10006': 'Extension does not exist',
	'10007': 'Call does not exist',
	'10008': 'Extension is not idle',
	'10009': 'Extension does not allow being monitored',
	'10010': 'Monitor mode does not match',
	'10011': 'Called number does not exist',
	'10012': 'IVR does not exist',
	'10013': 'Queue does not exist',
	'10014': 'Ring group does not exist',
	'10015': 'Call is not connected',
	'10016': 'Call accept/refuse timed out',
	'10017': 'Extension configuration failed (for example the number already exists or a value is not allowed)',
	'10018': 'IVR configuration failed',
	'10019': 'Queue configuration failed',
	'10020': 'Adding or modifying the alarm failed',
	'10021': 'Alarm does not exist',
	'10022': 'Alarm already exists',
	'10023': 'Audio file does not exist',
	'10024': 'Extension has no outbound call permission',
	'10025': 'Configuration is being applied too frequently; wait a moment and try again',
	'10031': 'Callee number does not meet the requirements',
	'10032': 'Wrong password',
	'10033': "Saving the extension's outbound-route settings failed",
	'20000': 'Only JSON format is supported by this firmware (switch the credential\'s API Format to JSON)',
	'20001': 'Only POST is supported',
	'20002': 'Login failed: this client IP is locked out after too many failed logins (wait 10 minutes)',
	'20003': 'Login failed: invalid API username or password',
	'20004': 'No such token',
	'20005': 'Token is blank',
	'20006': 'Token timed out',
	'20007': 'Data is empty',
	'20008': 'Port error (check the Event Report Port of the credential)',
	'20009': 'Request number is empty',
	'20010': 'Failed to hand the request to the API service',
	'20011': 'Heartbeat configuration failed',
	'20015': 'This client IP is not in the allowed IP list of the PBX API settings',
	'30001': 'JSON allocation failed on the PBX',
	'30003': 'The API service (apisrv) of the PBX is not running',
};

/** errno values that mean the token is gone: log in again once and repeat the request. */
export const TOKEN_ERRNOS = new Set(['20004', '20005', '20006']);

/** "Extension does not exist (errno 10006)", or the bare code when it is not in the table. */
export function errnoMessage(errno: unknown): string {
	const code = errno === undefined || errno === null || errno === '' ? undefined : String(errno);
	if (code === undefined) return 'the PBX answered "Failed" without an errno';
	const known = ERRNO_MESSAGES[code];
	return known ? `${known} (errno ${code})` : `errno ${code}`;
}

/** Every login failure message starts with this, so the transport can recognise it. */
export const LOGIN_FAILED_PREFIX = 'OpenVox login failed';

export const LOGIN_HINT =
	'Check the API Username and API Password of the credential against the API page of the PBX (System Management › API). ' +
	'The PBX locks the client IP out for 10 minutes after 5 failed logins, so the node never retries a rejected login.';

/**
 * The message for a rejected login. OpenVox's own login example shows errno 30003 for bad
 * credentials, while Yeastar uses 20003 (bad credentials) and 20002 (locked out); both readings
 * are given for 30003.
 */
export function loginFailedMessage(errno: unknown): string {
	const code = errno === undefined || errno === null ? '' : String(errno);
	if (code === '20003') return `${LOGIN_FAILED_PREFIX}: invalid API username or password (errno 20003)`;
	if (code === '20002') {
		return `${LOGIN_FAILED_PREFIX}: this client IP is locked out after 5 failed logins; wait 10 minutes before trying again (errno 20002)`;
	}
	if (code === '30003') {
		return `${LOGIN_FAILED_PREFIX}: the PBX API service is not running, or the API username or password is wrong (errno 30003)`;
	}
	return `${LOGIN_FAILED_PREFIX}: ${errnoMessage(code)}`;
}
