import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { readIncludeSecrets, readOutputMode } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { readBack, validated } from '../../helpers/extension';
import { settingsToBody, validateExtensionNumber, validateRegisterPassword } from '../../helpers/fields';
import type { PasswordMode } from '../../helpers/password';
import { generatedRegisterPassword } from '../../helpers/password';
import { shapeRecord } from '../../helpers/record';
import { request } from '../../transport';
import {
	outputProperties,
	passwordLengthProperty,
	passwordModeProperties,
	SECRETS_IN_OPTIONS_FROM,
	settingsOptions,
} from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Extension Number',
		name: 'number',
		type: 'string',
		required: true,
		default: '',
		placeholder: '2002',
		description: 'Number of the new extension (digits)',
	},
	...passwordModeProperties(),
	{
		// The name predates "Register Password Mode"; kept so saved workflows keep their password.
		displayName: 'Register Password',
		name: 'registerpassword',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show: { passwordMode: ['set'] } },
		description: 'SIP registration password: at most 31 characters, no spaces and none of ;&"\'\\&lt;&gt;`|',
	},
	passwordLengthProperty({ show: { passwordMode: ['generate'] } }),
	{
		displayName: 'Settings',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		options: settingsOptions('create'),
	},
	...outputProperties(true),
];

const displayOptions = { show: { resource: ['extension'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * `extension/add` with `number`, the register password (set or generated) and the chosen settings;
 * returns the new extension as the PBX stores it. A generated password is only in the output
 * with Include Secrets (it comes back in the read-back record, which is filtered like any other).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const number = String(this.getNodeParameter('number', itemIndex) ?? '').trim();
	// 'set' is the fallback because that is what a node without the parameter always did.
	const mode = this.getNodeParameter('passwordMode', itemIndex, 'set') as PasswordMode;
	const settings = this.getNodeParameter('settings', itemIndex, {}) as IDataObject;
	const output = readOutputMode(this, itemIndex);
	const includeSecrets = readIncludeSecrets(this, itemIndex, SECRETS_IN_OPTIONS_FROM);
	const body = validated(this, itemIndex, () => {
		validateExtensionNumber(number, 'number');
		const password =
			mode === 'generate'
				? generatedRegisterPassword(this, this.getNodeParameter('passwordLength', itemIndex, undefined), itemIndex)
				: String(this.getNodeParameter('registerpassword', itemIndex, '') ?? '');
		validateRegisterPassword(password);
		return { number, registerpassword: password, ...settingsToBody(settings) };
	});
	await request(this, { path: 'extension/add', body }, itemIndex);
	return shapeRecord(await readBack(this, number, itemIndex), output, includeSecrets);
}
