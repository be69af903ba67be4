import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { readIncludeSecrets, readOutputMode } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { readOnlyIfUnchanged } from '../../../shared/onlyIfUnchanged';
import { checkExtensionUnchanged, readBack, validated } from '../../helpers/extension';
import { settingsToBody, validateExtensionNumber } from '../../helpers/fields';
import { generatedRegisterPassword } from '../../helpers/password';
import { shapeRecord } from '../../helpers/record';
import { request } from '../../transport';
import { outputProperties, passwordLengthProperty, SECRETS_IN_OPTIONS_FROM, settingsOptions } from './descriptions';

const generateOption: INodeProperties = {
	displayName: 'Generate New Register Password',
	name: 'generateRegisterPassword',
	type: 'boolean',
	default: false,
	description:
		'Whether to replace the register password with a generated one (turn on "Include Secrets" to see it; phones registered with the old one stop registering)',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Extension Name or ID',
		name: 'extid',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getExtensions' },
		required: true,
		default: '',
		description:
			'The extension to change. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Settings',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		options: [
			...settingsOptions('update'),
			generateOption,
			passwordLengthProperty(),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	...outputProperties(true),
];

const displayOptions = { show: { resource: ['extension'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties, 'extension'));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** `extension/update` with `extid` (and `extnumber` to renumber); returns the updated extension. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const extid = String(this.getNodeParameter('extid', itemIndex) ?? '').trim();
	// The two generator settings steer the node and are not sent to the PBX.
	const { generateRegisterPassword, passwordLength, ...settings } = this.getNodeParameter(
		'settings',
		itemIndex,
		{},
	) as IDataObject;
	const output = readOutputMode(this, itemIndex);
	const includeSecrets = readIncludeSecrets(this, itemIndex, SECRETS_IN_OPTIONS_FROM);
	const changes = validated(this, itemIndex, () => {
		validateExtensionNumber(extid, 'extid', 'Extension Name or ID');
		if (generateRegisterPassword === true && settings.registerpassword !== undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`Use either "Register Password" or "Generate New Register Password", not both (item ${itemIndex})`,
				{ itemIndex },
			);
		}
		const body = settingsToBody(settings);
		if (generateRegisterPassword === true) body.registerpassword = generatedRegisterPassword(this, passwordLength, itemIndex);
		return body;
	});
	if (!Object.keys(changes).length) {
		throw new NodeOperationError(this.getNode(), `Add at least one field under "Settings" to update (item ${itemIndex})`, {
			itemIndex,
		});
	}
	await checkExtensionUnchanged(this, itemIndex, extid, readOnlyIfUnchanged(this, itemIndex));
	// Renumbering is not repeatable (the old number is gone after the first success); other updates are.
	await request(
		this,
		{ path: 'extension/update', body: { extid, ...changes }, idempotent: changes.extnumber === undefined },
		itemIndex,
	);
	const current = typeof changes.extnumber === 'string' ? changes.extnumber : extid;
	return shapeRecord(await readBack(this, current, itemIndex), output, includeSecrets);
}
