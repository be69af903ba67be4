import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readOutputMode } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { openVoxRequest } from '../../transport';
import { readBack, validated } from './common';
import { settingsOptions, settingsToBody, validateExtensionNumber } from './fields';
import { formatRecord, outputProperties } from './output';

const show = { resource: ['extension'], operation: ['update'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Extension Name or ID',
		name: 'extid',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getExtensions' },
		required: true,
		default: '',
		displayOptions: { show },
		description:
			'The extension to change. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Settings',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		displayOptions: { show },
		options: settingsOptions('update'),
	},
	...outputProperties(['update'], true),
];

/** `extension/update` with `extid` (and `extnumber` to renumber); returns the updated extension. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const extid = String(this.getNodeParameter('extid', itemIndex) ?? '').trim();
	const settings = this.getNodeParameter('settings', itemIndex, {}) as IDataObject;
	const output = readOutputMode(this, itemIndex);
	const includeSecrets = this.getNodeParameter('includeSecrets', itemIndex, false) as boolean;
	const changes = validated(this, itemIndex, () => {
		validateExtensionNumber(extid, 'extid', 'Extension Name or ID');
		return settingsToBody(settings);
	});
	if (!Object.keys(changes).length) {
		throw new NodeOperationError(this.getNode(), `Add at least one field under "Settings" to update (item ${itemIndex})`, {
			itemIndex,
		});
	}
	// Renumbering is not repeatable (the old number is gone after the first success); other updates are.
	await openVoxRequest.call(this, 'extension/update', { extid, ...changes }, itemIndex, {
		idempotent: changes.extnumber === undefined,
	});
	const current = typeof changes.extnumber === 'string' ? changes.extnumber : extid;
	return formatRecord(await readBack(this, current, itemIndex), output, includeSecrets);
}
