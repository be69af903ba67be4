import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readOutputMode } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { openVoxRequest } from '../../transport';
import { readBack, validated } from './common';
import { settingsOptions, settingsToBody, validateExtensionNumber, validateRegisterPassword } from './fields';
import { formatRecord, outputProperties } from './output';

const show = { resource: ['extension'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Extension Number',
		name: 'number',
		type: 'string',
		required: true,
		default: '',
		placeholder: '2002',
		displayOptions: { show },
		description: 'Number of the new extension (digits)',
	},
	{
		displayName: 'Register Password',
		name: 'registerpassword',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show },
		description: 'SIP registration password: at most 31 characters, no spaces and none of ;&"\'\\&lt;&gt;`|',
	},
	{
		displayName: 'Settings',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		displayOptions: { show },
		options: settingsOptions('create'),
	},
	...outputProperties(['create'], true),
];

/** `extension/add` with `number` and the chosen settings; returns the new extension as the PBX stores it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const number = String(this.getNodeParameter('number', itemIndex) ?? '').trim();
	const password = String(this.getNodeParameter('registerpassword', itemIndex) ?? '');
	const settings = this.getNodeParameter('settings', itemIndex, {}) as IDataObject;
	const output = readOutputMode(this, itemIndex);
	const includeSecrets = this.getNodeParameter('includeSecrets', itemIndex, false) as boolean;
	const body = validated(this, itemIndex, () => {
		validateExtensionNumber(number, 'number');
		validateRegisterPassword(password);
		return { number, registerpassword: password, ...settingsToBody(settings) };
	});
	await openVoxRequest.call(this, 'extension/add', body, itemIndex);
	return formatRecord(await readBack(this, number, itemIndex), output, includeSecrets);
}
