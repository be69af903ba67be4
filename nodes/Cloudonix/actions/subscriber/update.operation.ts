import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { readOnlyIfUnchanged } from '../../../shared/onlyIfUnchanged';
import type { OperationContext } from '../../helpers/parameters';
import { checkUnchanged, locateSubscriber, newPassword, outputOptions, profileChanges, readPassword, shape } from '../../helpers/parameters';
import type { SubscriberChanges } from '../../helpers/subscriber';
import { updateBody } from '../../helpers/subscriber';
import {
	activeProperty,
	displayNameProperty,
	locatorProperties,
	outputProperty,
	passwordLengthProperty,
	profileProperty,
} from './descriptions';

const properties: INodeProperties[] = [
	...locatorProperties(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add here are sent',
		options: [
			activeProperty('Whether the subscriber is active'),
			displayNameProperty,
			{
				displayName: 'Generate New SIP Password',
				name: 'generatePassword',
				type: 'boolean',
				default: false,
				description: 'Whether to replace the SIP password with a generated one (turn on "Include Secrets" to see it)',
			},
			passwordLengthProperty,
			profileProperty,
			{
				displayName: 'SIP Password',
				name: 'sipPassword',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'A new SIP password',
			},
		],
	},
	outputProperty(),
];

const displayOptions = { show: { resource: ['subscriber'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

export async function execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext) {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const expected = readOnlyIfUnchanged(this, itemIndex);
	const changes: SubscriberChanges = {};
	if (typeof fields.active === 'boolean') changes.active = fields.active;
	if (fields.generatePassword === true && fields.sipPassword !== undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Use either "SIP Password" or "Generate New SIP Password", not both (item ${itemIndex})`,
			{ itemIndex },
		);
	}
	if (fields.generatePassword === true) changes.sipPassword = newPassword(this, fields, itemIndex);
	else if (fields.sipPassword !== undefined) changes.sipPassword = readPassword(this, fields.sipPassword, itemIndex, 'SIP Password');
	changes.profile = profileChanges(this, fields, itemIndex);
	if (changes.active === undefined && changes.sipPassword === undefined && changes.profile === undefined) {
		throw new NodeOperationError(this.getNode(), `No fields to update in item ${itemIndex}`, {
			itemIndex,
			description: 'Add at least one field under "Update Fields".',
		});
	}
	// The profile is merged client-side, so only then is the current record needed.
	const target = await locateSubscriber(this, context, itemIndex, changes.profile !== undefined);
	const current = expected ? await checkUnchanged(this, context, itemIndex, expected, target) : target.record;
	const body = updateBody(changes, current, false);
	const updated = await context.client.update(target.id, body, itemIndex);
	return shape(updated, outputOptions(this, itemIndex));
}
