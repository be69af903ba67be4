import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../nodes/Cloudonix/transport/credential';

/**
 * Cloudonix REST API key (Bearer). A domain-scoped key is enough for subscribers and is
 * what we recommend; it cannot read customer resources, so the test reads the domain
 * (`GET /customers/self/domains/{domain}`, as the open-source OPBX project validates keys) rather than `/customers/self`.
 */
export class CloudonixApi implements ICredentialType {
	name = 'cloudonixApi';

	displayName = 'Cloudonix API';

	// A full URL, as community credentials need; the camelCase form only resolves inside n8n's own docs.
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-documentation-url-miscased -- a community package links to its own README, not an n8n docs slug
	documentationUrl = 'https://github.com/pbx-sync/n8n-nodes-pbx-sync#cloudonix';

	icon = { light: 'file:../nodes/Cloudonix/cloudonix.svg', dark: 'file:../nodes/Cloudonix/cloudonix.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A Cloudonix API key (its key ID, 34 characters starting with "XI"). A domain key is enough; create one in the Cloudonix Cockpit under the domain\'s API Keys.',
		},
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. mycompany.cloudonix.net',
			description: 'The Cloudonix domain whose subscribers the node manages: its name or its UUID',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Use https://api.staging.cloudonix.io for the staging platform',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			// The same as cloudonixBaseUrl (test/compat/baseUrl.test.ts checks that they agree).
			baseURL: '={{String($credentials.baseUrl || "").trim().replace(/\\/+$/, "") || "https://api.cloudonix.io"}}',
			url: '={{"/customers/self/domains/" + encodeURIComponent(String($credentials.domain).trim())}}',
			method: 'GET',
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'The API key was rejected or is not authorized for this domain. Check the API Key and the Domain.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The API key is valid but its scope does not reach this domain (e.g. a subscriber or application key). Use a domain or customer key.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'Domain not found. Check the Domain (name or UUID) and the API Base URL.',
				},
			},
		],
	};
}
