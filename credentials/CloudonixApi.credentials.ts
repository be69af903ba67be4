import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../nodes/Cloudonix/transport/credential';

/**
 * Cloudonix REST API key (Bearer). A domain-scoped key is enough for subscribers and is
 * what we recommend. The Test is the Cloudonix node's function `cloudonixApiTest`
 * (nodes/Cloudonix/methods/credentialTest.ts), which reads the domain.
 */
export class CloudonixApi implements ICredentialType {
	name = 'cloudonixApi';

	displayName = 'Cloudonix API';

	// A full URL, as community credentials need; the camelCase form only resolves inside n8n's own docs.
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-documentation-url-miscased -- a community package links to its own README, not an n8n docs slug
	documentationUrl = 'https://github.com/pbx-sync/n8n-nodes-pbx-sync/blob/main/docs/credentials/cloudonix.md';

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
}
