/**
 * Each vendor node has one base-URL function, used by its transport and by the credential's
 * own requests (login, token). The credential's test request is an n8n expression instead, so
 * this checks that it computes the same URL for what users type. (The Cloudonix and sipXcom Tests
 * are functions that call cloudonixBaseUrl and appUrl themselves; their own tests cover them.)
 */
import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import { OpenVoxApi } from '../../credentials/OpenVoxApi.credentials';
import { ThreeCxApi } from '../../credentials/ThreeCxApi.credentials';
import { CREDENTIAL_TYPE as OPENVOX_CREDENTIAL, openVoxBaseUrl } from '../../nodes/OpenVox/transport/credential';
import { CREDENTIAL_TYPE as THREECX_CREDENTIAL, threeCxBaseUrl } from '../../nodes/ThreeCx/transport/credential';

/** Evaluates a `={{ … }}` credential expression as n8n would for plain JavaScript. */
function evaluate(expression: unknown, credentials: ICredentialDataDecryptedObject): string {
	const text = String(expression);
	const match = /^=\{\{([\s\S]*)\}\}$/.exec(text);
	if (!match) return text;
	// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the expression is the credential's own source, not input
	return String(new Function('$credentials', `return (${match[1]});`)(credentials));
}

interface Vendor {
	credential: ICredentialType;
	credentialType: string;
	field: string;
	baseUrl: (credentials: ICredentialDataDecryptedObject) => string;
	inputs: string[];
}

const vendors: Record<string, Vendor> = {
	'3CX': {
		credential: new ThreeCxApi(),
		credentialType: THREECX_CREDENTIAL,
		field: 'url',
		baseUrl: (credentials) => threeCxBaseUrl(credentials.url),
		inputs: [
			'https://pbx.example.com:5001',
			'https://pbx.example.com:5001/',
			' https://pbx.example.com:5001// ',
			'https://pbx.example.com/xapi/v1',
			'https://pbx.example.com/XAPI/v1/',
		],
	},
	OpenVox: {
		credential: new OpenVoxApi(),
		credentialType: OPENVOX_CREDENTIAL,
		field: 'url',
		baseUrl: (credentials) => openVoxBaseUrl(credentials.url),
		inputs: ['http://192.168.1.100:9011', 'http://192.168.1.100:9011/', ' https://pbx.example.com:9011// '],
	},
};

describe.each(Object.entries(vendors))('%s credential', (_name, vendor) => {
	it('is the credential type the node and its transport use', () => {
		expect(vendor.credential.name).toBe(vendor.credentialType);
	});

	it.each(vendor.inputs)('tests the same base URL the node uses for %j', (input) => {
		const credentials = { [vendor.field]: input };
		expect(evaluate(vendor.credential.test!.request.baseURL, credentials)).toBe(vendor.baseUrl(credentials));
	});
});
