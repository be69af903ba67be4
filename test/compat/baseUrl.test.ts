/**
 * Each vendor node has one base-URL function, used by its transport and by the credential's
 * own requests (login, token). The credential's test request is an n8n expression instead, so
 * this checks that it computes the same URL for what users type (and, for Cloudonix, the same
 * domain path), so the Test reads what the connection check before it read.
 */
import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import { CloudonixApi } from '../../credentials/CloudonixApi.credentials';
import { OpenVoxApi } from '../../credentials/OpenVoxApi.credentials';
import { SipXcomApi } from '../../credentials/SipXcomApi.credentials';
import { ThreeCxApi } from '../../credentials/ThreeCxApi.credentials';
import { cloudonixBaseUrl, CREDENTIAL_TYPE as CLOUDONIX_CREDENTIAL } from '../../nodes/Cloudonix/transport/credential';
import { CREDENTIAL_TYPE as OPENVOX_CREDENTIAL, openVoxBaseUrl } from '../../nodes/OpenVox/transport/credential';
import { appUrl, CREDENTIAL_TYPE as SIPXCOM_CREDENTIAL } from '../../nodes/SipXcom/transport/credential';
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
	sipXcom: {
		credential: new SipXcomApi(),
		credentialType: SIPXCOM_CREDENTIAL,
		field: 'serverUrl',
		baseUrl: (credentials) => appUrl(credentials.serverUrl),
		inputs: ['https://pbx.example.com', 'https://pbx.example.com/', ' https://pbx.example.com/sipxconfig/ ', 'https://pbx.example.com/SIPXCONFIG'],
	},
	Cloudonix: {
		credential: new CloudonixApi(),
		credentialType: CLOUDONIX_CREDENTIAL,
		field: 'baseUrl',
		baseUrl: (credentials) => cloudonixBaseUrl(credentials.baseUrl),
		inputs: ['https://api.cloudonix.io', 'https://api.staging.cloudonix.io/', ' ', ''],
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

describe('Cloudonix credential Test', () => {
	it.each(['mycompany.cloudonix.net', ' mycompany.cloudonix.net ', 'a/b c', '4f1c9a2e-uuid'])('reads the domain path the check reads for %j', (domain) => {
		const url = new CloudonixApi().test!.request.url;
		expect(evaluateTemplate(url, { domain })).toBe(`/customers/self/domains/${encodeURIComponent(domain.trim())}`);
	});
});

/** Evaluates a `=text {{ … }} text` credential template as n8n would for plain JavaScript. */
function evaluateTemplate(template: unknown, credentials: ICredentialDataDecryptedObject): string {
	return String(template)
		.replace(/^=/, '')
		.replace(/\{\{([\s\S]*?)\}\}/g, (_match, code: string) => evaluate(`={{${code}}}`, credentials));
}
